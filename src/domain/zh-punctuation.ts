/**
 * Chinese sentences take full-width punctuation: `运行中（及已暂停）的容器；可用键：exited` rather
 * than `运行中(及已暂停)的容器;可用键:exited`. The data's Chinese texts were written with the
 * ASCII forms in many places; this turns them into the full-width ones where they touch Chinese
 * text, and leaves code, URLs, versions and times alone. `npm run fix:zh` applies it to data/,
 * and a consistency test keeps every Chinese text a fixed point of it.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' }

const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c)

export function fullWidthPunctuation(text: string): string {
  const chars = [...text]
  // , ; : ! ? right after Chinese text, or before it (not `https://`, `12:30`, `a,b`).
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? ''
    const full = FULL[c]
    if (!full) continue
    const next = chars[i + 1]
    if (isCjk(chars[i - 1]) || (isCjk(next) && i > 0)) {
      chars[i] = full
      // A full-width mark carries its own space: `容器, 但` → `容器，但`.
      if (next === ' ') chars.splice(i + 1, 1)
    }
  }
  // Parentheses: an opening one that touches Chinese becomes full-width, with its partner.
  const open: number[] = []
  const pairs = new Map<number, number>()
  chars.forEach((c, i) => {
    if (c === '(') open.push(i)
    else if (c === ')') {
      const start = open.pop()
      if (start !== undefined) pairs.set(start, i)
    }
  })
  for (const [start, end] of pairs) {
    const touches =
      isCjk(chars[start - 1]) ||
      isCjk(chars[start + 1]) ||
      isCjk(chars[end - 1]) ||
      isCjk(chars[end + 1])
    if (touches) {
      chars[start] = '（'
      chars[end] = '）'
    }
  }
  // Double quotes around a phrase in a Chinese sentence (not JSON: no braces, colons after).
  const quotes = chars.flatMap((c, i) => (c === '"' ? [i] : []))
  if (quotes.length % 2 === 0) {
    for (let q = 0; q < quotes.length; q += 2) {
      const start = quotes[q] ?? 0
      const end = quotes[q + 1] ?? 0
      const before = chars[start - 1]
      const after = chars[end + 1]
      const inner = chars.slice(start + 1, end).join('')
      // Chinese on either side, next to the quote or one space away.
      const outsideBefore = before === ' ' ? chars[start - 2] : before
      const outsideAfter = after === ' ' ? chars[end + 2] : after
      const framed =
        (before === undefined || before === ' ' || isCjk(before)) &&
        (after === undefined || after === ' ' || isCjk(after)) &&
        (isCjk(outsideBefore) || isCjk(outsideAfter) || /[\u3400-\u9fff]/.test(inner)) &&
        !/[{}[\]]/.test(inner)
      if (framed) {
        chars[start] = '“'
        chars[end] = '”'
      }
    }
  }
  // A mark made full-width can make its neighbour touch Chinese: run again until nothing moves.
  const out = chars.join('')
  return out === text ? out : fullWidthPunctuation(out)
}
