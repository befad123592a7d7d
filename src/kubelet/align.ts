import type { KubeletCall } from './types.ts'

type Aligned = Pick<KubeletCall, 'method' | 'endpointId' | 'query'>

/** One row of two traces side by side: the same call in both, or a call only one sends. */
export interface AlignedRow<T extends Aligned = KubeletCall> {
  left?: T
  right?: T
  /** Both present and the same method, endpoint and query (values of ids aside). */
  same: boolean
}

/** What makes two calls "the same call": method, endpoint, and the query keys with their values, ids aside. */
export function callKey(call: Pick<KubeletCall, 'method' | 'endpointId' | 'query'>): string {
  const query = Object.keys(call.query)
    .sort()
    .map((k) => (k === 'name' || k === 'since' ? k : `${k}=${call.query[k]}`))
    .join('&')
  return `${call.method} ${call.endpointId} ${query}`
}

/**
 * 1.3 vs 1.4 call by call: the longest common subsequence of call keys, the rest marked as
 * sent by one release only. O(n·m) on traces of tens of calls.
 */
export function alignCalls<T extends Aligned = KubeletCall>(
  left: readonly T[],
  right: readonly T[],
  key: (call: T) => string = callKey,
): AlignedRow<T>[] {
  const a = left.map(key)
  const b = right.map(key)
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[]
    const below = lcs[i + 1] as number[]
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const rows: AlignedRow<T>[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      rows.push({ left: left[i], right: right[j], same: true })
      i++
      j++
    } else if (j >= m || (i < n && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      rows.push({ left: left[i], same: false })
      i++
    } else {
      rows.push({ right: right[j], same: false })
      j++
    }
  }
  return rows
}
