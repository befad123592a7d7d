import { afterEach, describe, expect, it } from 'vitest'
import type { SimulatedDaemon } from '../daemon/index.ts'
import { kubeletOnDaemon } from '../kubelet-transports/test-kubelet.ts'
import { alignCalls } from './align.ts'
import { podNamed } from './pod.ts'
import type { KubeletCall, Release } from './types.ts'

/**
 * What the kubelet sends, as issue 13 states it from the source at v1.3.0 / v1.4.0: the list
 * first, no stderr with a TTY, no inspect around an attach, 1.4's resizes, the version checks
 * around a create, and no DELETE on a pod delete.
 */
const daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons.splice(0)) d.dispose()
})

function kubelet(release: Release) {
  const k = kubeletOnDaemon(release)
  daemons.push(k.daemon)
  return k
}

const own = (calls: KubeletCall[]) => calls.filter((c) => !c.setup)
const line = (c: KubeletCall) => `${c.method} ${c.endpointId}`
const bodyOf = (c: KubeletCall | undefined) => c?.bodySummary ?? ''

describe.each(['1.3', '1.4'] as const)('kubelet %s', (release) => {
  it('exec -it: the container list first, then inspect, exec create without stderr, the hijacked start', async () => {
    const { kubelet: k } = kubelet(release)
    const calls = own((await k.run('exec-it')).calls)
    expect(calls.slice(0, 4).map(line)).toEqual([
      'GET ContainerList',
      'GET ContainerInspect',
      'POST ContainerExec',
      'POST ExecStart',
    ])
    expect(calls[0]?.query).toEqual({ limit: '0' })
    expect(bodyOf(calls[2])).toContain('Tty=true')
    expect(bodyOf(calls[2])).toContain('AttachStdin=true')
    expect(bodyOf(calls[2])).toContain('AttachStderr=false')
    expect(calls.at(-1)?.endpointId).toBe('ExecInspect')
    const resizes = calls.filter((c) => c.endpointId === 'ExecResize').map((c) => c.query)
    expect(resizes).toEqual(release === '1.4' ? [{ h: '24', w: '80' }] : [])
  })

  it('attach -it: the list, the attach without stderr, no inspect; 1.4 resizes to size+1, then size', async () => {
    const { kubelet: k } = kubelet(release)
    const calls = own((await k.run('attach-it', { size: { height: 30, width: 100 } })).calls)
    expect(calls.map(line)).toEqual([
      'GET ContainerList',
      'POST ContainerAttach',
      ...(release === '1.4' ? ['POST ContainerResize', 'POST ContainerResize'] : []),
    ])
    expect(calls[1]?.query).toEqual({ stream: '1', stdin: '1', stdout: '1' })
    if (release === '1.4') {
      expect(calls.slice(2).map((c) => c.query)).toEqual([
        { h: '31', w: '101' },
        { h: '30', w: '100' },
      ])
    }
  })

  it('pod delete stops the app container, then the infra container after two inspects, and removes nothing', async () => {
    const { kubelet: k } = kubelet(release)
    const calls = own((await k.run('pod-delete')).calls)
    expect(calls.map(line)).toEqual([
      'POST ContainerStop',
      'GET ContainerInspect',
      'GET ContainerInspect',
      'POST ContainerStop',
    ])
    expect(calls.map((c) => c.query.t).filter(Boolean)).toEqual(['30', '30'])
  })

  it('pod start asks /version before each create: uncached checks, then the 60 s version cache', async () => {
    const { kubelet: k } = kubelet(release)
    const calls = own((await k.run('pod-start')).calls)
    const before: number[] = []
    let count = 0
    for (const c of calls) {
      if (c.endpointId === 'SystemVersion') count++
      if (c.endpointId === 'ContainerCreate') {
        before.push(count)
        count = 0
      }
    }
    // 1.3: getSecurityOpts once; 1.4: getSeccompOpts and fmtDockerOpts; plus 2 on a cold cache
    expect(before).toEqual(release === '1.4' ? [4, 2] : [3, 1])
    expect(calls[0]?.path).toBe('/images/gcr.io/google_containers/pause-amd64:3.0/json')
    expect(calls[0]?.status).toBe(404)
    expect(calls[1]?.query).toEqual({
      fromImage: 'gcr.io/google_containers/pause-amd64',
      tag: '3.0',
    })
  })

  it('the version cache expires after 60 s of the kubelet’s time', async () => {
    const { kubelet: k, calls } = kubelet(release)
    await k.run('pod-start')
    const pod = [...k.node.pods.values()][0]
    if (!pod) throw new Error('no pod')
    const versionsOfOneCreate = async () => {
      const from = calls.length
      await k.node.dm.runContainerInPod(
        pod,
        { name: 'extra', image: 'busybox', command: ['sleep', '60'] },
        null,
        0,
      )
      return calls.slice(from).filter((c) => c.endpointId === 'SystemVersion').length
    }
    const uncached = release === '1.4' ? 2 : 1
    expect(await versionsOfOneCreate()).toBe(uncached)
    k.node.advance(61_000)
    expect(await versionsOfOneCreate()).toBe(uncached + 2)
    expect(await versionsOfOneCreate()).toBe(uncached)
  })

  // killPodWithSyncResult starts a goroutine per app container, in the running pod's order (the
  // container list's: newest first, so sidecar, nginx), and Go usually runs the one started last
  // first. Recorded against npm run daemon, the real kubelet stopped them that way in 4 of 6 runs.
  it('a pod delete stops the app containers, the last started goroutine first, then the pause container', async () => {
    const { kubelet: k, daemon, calls } = kubelet(release)
    const pod = podNamed('web', [
      { name: 'nginx', image: 'nginx' },
      // (nginx ends on SIGTERM; a busybox PID 1 would hold the stop for the 30 s grace period)
      { name: 'sidecar', image: 'nginx' },
    ])
    k.node.pods.set(pod.uid, pod)
    await k.node.syncPod(pod)
    await k.node.relist()
    const from = calls.length
    await k.node.killPod(pod)
    const stopped = calls
      .slice(from)
      .filter((c) => c.endpointId === 'ContainerStop')
      .map((c) => {
        const id = c.path.split('/')[2] ?? ''
        return /^\/k8s_([^.]+)\./.exec(daemon.state.containers.get(id)?.name ?? '')?.[1]
      })
    expect(stopped).toEqual(['nginx', 'sidecar', 'POD'])
  })

  it('sends no path with an API version prefix', async () => {
    const { kubelet: k } = kubelet(release)
    const calls = (await k.run('liveness-restart')).calls
    expect(calls.length).toBeGreaterThan(20)
    expect(calls.filter((c) => /^\/v\d/.test(c.path))).toEqual([])
  })
})

describe('interactive sessions (the terminal)', () => {
  it('exec -it: the pod is started as setup, then the real sequence; a window change is one exec resize', async () => {
    const { kubelet: k } = kubelet('1.4')
    const output: string[] = []
    const session = await k.openTerminal({
      kind: 'exec',
      size: { height: 24, width: 80 },
      onOutput: (d) => output.push(new TextDecoder().decode(d)),
    })
    expect(session.calls.some((c) => c.setup)).toBe(true)
    expect(own(session.calls)[0]?.endpointId).toBe('ContainerList')
    await new Promise((r) => setTimeout(r, 20))
    expect(session.resize({ height: 40, width: 120 })).toBe(true)
    await new Promise((r) => setTimeout(r, 20))
    session.write('stty size\n')
    await new Promise((r) => setTimeout(r, 50))
    session.write('exit 3\n')
    expect(await session.done).toEqual({ exitCode: 3 })
    expect(output.join('')).toContain('40 120')
    const resizes = own(session.calls)
      .filter((c) => c.endpointId === 'ExecResize')
      .map((c) => c.query)
    expect(resizes).toEqual([
      { h: '24', w: '80' },
      { h: '40', w: '120' },
    ])
    expect(own(session.calls).at(-1)?.endpointId).toBe('ExecInspect')
  })

  it('1.3 has no resize: a window change goes nowhere and stty says 0 0', async () => {
    const { kubelet: k } = kubelet('1.3')
    const output: string[] = []
    const session = await k.openTerminal({
      kind: 'exec',
      size: { height: 24, width: 80 },
      onOutput: (d) => output.push(new TextDecoder().decode(d)),
    })
    expect(session.resize({ height: 40, width: 120 })).toBe(false)
    session.write('stty size\n')
    await new Promise((r) => setTimeout(r, 50))
    session.write('exit\n')
    await session.done
    expect(output.join('')).toContain('0 0')
    expect(session.calls.filter((c) => c.endpointId === 'ExecResize')).toEqual([])
  })
})

describe('1.3 vs 1.4, call by call', () => {
  it('exec -it differs by the exec resize only', async () => {
    const a = own((await kubelet('1.3').kubelet.run('exec-it')).calls)
    const b = own((await kubelet('1.4').kubelet.run('exec-it')).calls)
    const rows = alignCalls(a, b)
    expect(
      rows.filter((r) => !r.same).map((r) => [r.left?.endpointId, r.right?.endpointId]),
    ).toEqual([[undefined, 'ExecResize']])
    expect(rows.filter((r) => r.same)).toHaveLength(a.length)
  })

  it('pod start: 1.4 sends one more /version per create (fmtDockerOpts)', async () => {
    const a = own((await kubelet('1.3').kubelet.run('pod-start')).calls)
    const b = own((await kubelet('1.4').kubelet.run('pod-start')).calls)
    const extra = alignCalls(a, b).filter((r) => !r.same)
    expect(extra.map((r) => [r.left?.endpointId, r.right?.endpointId])).toEqual([
      [undefined, 'SystemVersion'],
      [undefined, 'SystemVersion'],
    ])
  })
})
