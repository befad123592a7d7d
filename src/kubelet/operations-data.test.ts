import { afterEach, describe, expect, it } from 'vitest'
import type { SimulatedDaemon } from '../daemon/index.ts'
import { kubeletOperations } from '../domain/kubelet-data.ts'
import { asDataCall, kubeletOnDaemon } from '../kubelet-transports/test-kubelet.ts'
import { OPERATIONS } from './operation-list.ts'
import { RELEASES } from './types.ts'

/**
 * The model against data/kubelet/: each operation, run on a fresh simulated daemon, sends
 * exactly the calls the data lists (checked against the kubelet's own code with
 * scripts/kubelet-oracle.ts and every line at the tag with npm run audit:sources), in order.
 */
/** JSON with keys sorted at every level, so key order never makes a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

let daemon: SimulatedDaemon | undefined
afterEach(() => daemon?.dispose())

describe.each(RELEASES)('kubelet %s operations send the calls of data/kubelet', (release) => {
  const data = kubeletOperations[release]

  it('lists every operation of the model, in the same order', () => {
    expect(data.operations.map((o) => o.id)).toEqual(OPERATIONS.map((o) => o.id))
  })

  it.each(data.operations.map((o) => [o.id, o] as const))('%s', async (_id, expected) => {
    const run = kubeletOnDaemon(release)
    daemon = run.daemon
    const result = await run.kubelet.run(expected.id)
    const sent = result.calls.filter((c) => !c.setup)
    const mismatches: string[] = []
    const count = Math.max(sent.length, expected.calls.length)
    for (let i = 0; i < count; i++) {
      const got = sent[i]
      const want = expected.calls[i]
      if (!got || !want) {
        mismatches.push(
          `#${i}: ${got ? 'extra' : 'missing'} ${JSON.stringify(got ? asDataCall(got) : want)}`,
        )
        continue
      }
      const { status, simulatedStatus, ...wantRest } = want
      const gotRest = canonical(asDataCall(got))
      if (gotRest !== canonical(wantRest)) {
        mismatches.push(`#${i}: got ${gotRest}\n      want ${canonical(wantRest)}`)
      }
      if (got.status !== status && got.status !== simulatedStatus) {
        mismatches.push(`#${i} ${want.method} ${want.path}: status ${got.status}, want ${status}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})
