import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, listContainers, type SimulatedDaemon } from '../../daemon/index.ts'
import type { DockerRequest, Transport } from '../../kubelet/index.ts'
import { daemonTransport } from '../../kubelet-transports/daemon-transport.ts'
import { runOperation } from './run-operation.ts'

let daemon: SimulatedDaemon | undefined
afterEach(() => daemon?.dispose())

/** The daemon's transport, every request it carries noted. */
function recording(target: SimulatedDaemon): { transport: Transport; sent: DockerRequest[] } {
  const inner = daemonTransport(target)
  const sent: DockerRequest[] = []
  return {
    sent,
    transport: (request) => {
      sent.push(request)
      return inner(request)
    },
  }
}

const k8sNames = (target: SimulatedDaemon) =>
  listContainers(target.state)
    .map((c) => c.name)
    .filter((name) => name.startsWith('k8s_'))

describe('runOperation', () => {
  it('removes the k8s_ containers an earlier run left, through the transport, before the next run', async () => {
    const target = createDaemon()
    daemon = target
    let persisted = 0
    const session = { daemon: target, persist: () => persisted++ }
    const first = await runOperation(
      session,
      'pod-start',
      ['1.4'],
      () => undefined,
      daemonTransport(target),
    )
    expect(first.cleaned).toBe(0)
    const before = k8sNames(target)
    expect(before).toHaveLength(2)

    const { transport, sent } = recording(target)
    const second = await runOperation(session, 'pod-start', ['1.4'], () => undefined, transport)
    expect(second.cleaned).toBe(2)
    const deletes = sent.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => [r.path.replace(/[0-9a-f]{64}/, '{id}'), r.query])).toEqual([
      ['/containers/{id}', { force: '1' }],
      ['/containers/{id}', { force: '1' }],
    ])
    // the kubelet's own calls are not among them: a clean node, the pod started afresh
    expect(second.runs[0]?.calls.some((c) => c.call.method === 'DELETE')).toBe(false)
    const after = k8sNames(target)
    expect(after).toHaveLength(2)
    expect(after.some((name) => before.includes(name))).toBe(false)
    expect(persisted).toBe(2)
  })

  it('runs both releases from the same daemon state: 1.4 pulls the pause image again', async () => {
    const target = createDaemon()
    daemon = target
    const run = await runOperation(
      { daemon: target, persist: () => undefined },
      'pod-start',
      ['1.3', '1.4'],
      () => undefined,
      daemonTransport(target),
    )
    expect(run.runs.map((r) => r.release)).toEqual(['1.3', '1.4'])
    for (const r of run.runs) {
      expect(r.calls[0]?.call.status).toBe(404)
      expect(r.calls[1]?.call.path).toBe('/images/create')
    }
  })
})
