import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../daemon/index.ts'
import { daemonTransport } from '../kubelet-transports/daemon-transport.ts'
import { call } from '../scenarios/test-client.ts'
import { KubeClient } from './client.ts'
import { DockerManager } from './docker-manager.ts'
import { garbageCollect } from './gc.ts'
import type { KubeletCall } from './types.ts'

const daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons.splice(0)) d.dispose()
})

/**
 * Three dead containers of one pod container (the app restarted twice), an hour apart, and the
 * container GC of `release` over them. Returns the created ids oldest first and the ids the GC
 * removed, in the order it removed them.
 */
async function collect(release: '1.3' | '1.4', podDeleted: boolean) {
  let now = Date.parse('2016-09-26T12:00:00Z')
  const daemon = createDaemon({ clock: () => new Date(now) })
  daemons.push(daemon)
  const created: string[] = []
  for (const restart of [0, 1, 2]) {
    const name = `k8s_app.5d1f8a2c_web_default_0f3c-uid_0000000${restart}`
    const answer = await call(daemon, 'POST', `/containers/create?name=${name}`, {
      Image: 'busybox',
      Cmd: ['true'],
    })
    const id = (JSON.parse(answer.text) as { Id: string }).Id
    await call(daemon, 'POST', `/containers/${id}/start`)
    created.push(id)
    now += 3_600_000
  }
  const calls: KubeletCall[] = []
  const client = new KubeClient({
    release,
    transport: daemonTransport(daemon),
    now: () => now,
    onCall: (c) => calls.push(c),
  })
  const dm = new DockerManager(
    client,
    () => now,
    () => 0,
  )
  await garbageCollect(
    dm,
    { minAgeMs: 60_000, maxPerPodContainer: 1, maxContainers: -1 },
    () => podDeleted,
  )
  const removed = calls
    .filter((c) => c.method === 'DELETE')
    .map((c) => c.path.replace(/^\/containers\//, ''))
  return { created, removed }
}

// container_gc.go removeOldestN sorts a unit newest first and removes from the first container
// to go to the end of the slice: the newest of the removed ones first, whatever its comment says.
// The real kubelet's calls recorded against a daemon (../shared/kubelet-oracle) agree.
describe.each(['1.3', '1.4'] as const)('kubelet %s container GC', (release) => {
  it('removes every container of a deleted pod, newest first', async () => {
    const { created, removed } = await collect(release, true)
    expect(removed).toEqual([created[2], created[1], created[0]])
  })

  it('keeps the newest dead container of a live pod and removes the rest, newest first', async () => {
    const { created, removed } = await collect(release, false)
    expect(removed).toEqual([created[1], created[0]])
  })
})
