/**
 * Checks the kubelet model against the real kubelet, call by call: replays the scenarios of
 * ../shared/kubelet-oracle (which runs the real dockertools code of v1.3.0 / v1.4.0) with the
 * model's DockerManager against a fresh simulated daemon emptied of images like the oracle's
 * fake daemon, and compares each scenario's calls (method, path, query; ids and random name
 * suffixes normalised) with the oracle's JSON.
 *
 *   npx tsx scripts/kubelet-oracle.ts --release 1.4 --oracle out-1.4.json [--web-image nginx:latest]
 *
 * Run the oracle in fake mode with ORACLE_WEB_IMAGE=nginx:latest (the simulated registry runs
 * nginx:latest), or in proxy mode against a fresh `npm run daemon` and pass --seeded. Exit 0 when every compared scenario matches, 1 otherwise, 2 on bad arguments.
 * Not part of npm test: it reads a file the oracle wrote.
 */
import { readFileSync } from 'node:fs'
import { createDaemon } from '../src/daemon/index.ts'
import { engineApi } from '../src/kubelet/engine-api.ts'
import {
  deleteContainer,
  detectImages,
  garbageCollect,
  imageStats,
  removeImage,
} from '../src/kubelet/gc.ts'
import type { KubeletCall, Release, Transport } from '../src/kubelet/index.ts'
import { KubeletNode } from '../src/kubelet/node.ts'
import { type ContainerSpec, type PodSpec, podNamed } from '../src/kubelet/pod.ts'
import { SizeQueue } from '../src/kubelet/size-queue.ts'
import { attachContainer, execInContainer } from '../src/kubelet/streams.ts'
import { killContainerInPod, killPod, syncPod } from '../src/kubelet/sync-pod.ts'
import { daemonTransport } from '../src/kubelet-transports/daemon-transport.ts'
import { args, normaliser, type OracleScenario, oracleQuery } from './kubelet-oracle/compare.ts'

async function main() {
  const { release, oracle, webImage, seeded } = args()
  const scenarios = JSON.parse(readFileSync(oracle, 'utf8')) as OracleScenario[]
  const daemon = createDaemon({})
  const transport = daemonTransport(daemon)
  const direct = (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    query: Record<string, string> = {},
  ) => transport({ method, path, query, headers: {} })
  // the oracle's fake daemon starts with no image; npm run daemon with busybox, nginx, alpine
  for (const image of seeded
    ? []
    : (JSON.parse((await direct('GET', '/images/json')).body) as { Id: string }[])) {
    await direct('DELETE', `/images/${image.Id}`, { force: '1' })
  }
  const recorded: KubeletCall[] = []
  let node = newNode(release, transport, recorded)
  const results: { name: string; ok: boolean; detail: string }[] = []
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

  const pod = (name: string, index: number, containers: ContainerSpec[]): PodSpec =>
    podNamed(name, containers, index)
  const web = pod('web', 1, [
    { name: 'nginx', image: webImage, imagePullPolicy: 'IfNotPresent' },
    {
      name: 'sidecar',
      image: 'busybox',
      imagePullPolicy: 'Always',
      command: ['sh', '-c', 'echo hello-from-sidecar; echo warn-from-sidecar >&2; sleep 3600'],
    },
  ])
  const shell = pod('shell', 2, [
    {
      name: 'shell',
      image: 'busybox',
      imagePullPolicy: 'Always',
      command: ['sh'],
      stdin: true,
      stdinOnce: true,
      tty: true,
    },
  ])
  const nonroot = pod('nonroot', 3, [
    {
      name: 'app',
      image: 'busybox',
      imagePullPolicy: 'IfNotPresent',
      command: ['sleep', '3600'],
      runAsNonRoot: true,
    },
  ])
  for (const p of [web, shell, nonroot]) node.pods.set(p.uid, p)

  const step = async (title: string, work: () => Promise<unknown>) => {
    recorded.length = 0
    let error = ''
    try {
      await work()
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    const mine = recorded.map((c) => ({ method: c.method, path: c.path, query: { ...c.query } }))
    const theirs = scenarios.find((s) => s.scenario.startsWith(title))
    if (!theirs) {
      results.push({ name: title, ok: false, detail: 'no such oracle scenario' })
      return
    }
    const norm1 = normaliser()
    const norm2 = normaliser()
    const a = mine.map((c) => norm1(c.method, c.path, c.query))
    const b = (theirs.calls ?? []).map((c) => norm2(c.method, c.path, oracleQuery(c.query)))
    const same = a.length === b.length && a.every((x, i) => x === b[i])
    const sameSet = [...a].sort().join('\n') === [...b].sort().join('\n')
    results.push({
      name: title,
      ok: same,
      detail: same
        ? `${a.length} calls${error ? ` (kubelet error: ${error})` : ''}`
        : `${sameSet ? 'same calls, other order (Go goroutines or map order)' : 'DIFFERENT'}${error ? ` — model error: ${error}` : ''}\n      model:  ${a.join('\n              ')}\n      oracle: ${b.join('\n              ')}`,
    })
  }
  const unrecorded = async <T>(work: () => Promise<T>): Promise<T> => {
    const saved = [...recorded]
    const out = await work()
    recorded.length = 0
    recorded.push(...saved)
    return out
  }
  const status = (p: PodSpec) => node.dm.getPodStatus(p)
  const runningId = async (p: PodSpec, name: string) =>
    (await unrecorded(() => status(p))).containers.find(
      (c) => c.name === name && c.state === 'running',
    )?.id ?? ''

  await step('kubelet start', () => node.dm.start())
  await step('runtime status loop', () => node.dm.status())
  await step('node status loop', () => node.dm.nodeStatus())
  await step('PLEG relist (every 1 s), idle', () => node.dm.getPods(true, 'containersRelist'))
  await step('housekeeping (every 2 s)', () => node.dm.getPods(false, 'containersHousekeeping'))
  await step('image GC detectImages at start', () => detectImages(node.dm))
  await step('pod web: GetPodStatus before', () => status(web))
  const startPod = (title: string, p: PodSpec) =>
    step(title, async () => syncPod(node.dm, p, await status(p)))
  await startPod('pod web start', web)
  await step('PLEG relist after the start', () => node.dm.getPods(true, 'containersRelist'))
  await step('PLEG updateCache', () => status(web))
  await step('steady-state SyncPod', async () => {
    const st = await unrecorded(() => status(web))
    await syncPod(node.dm, web, st)
  })
  await step('status loops x3', async () => {
    for (let i = 0; i < 3; i++) {
      await node.dm.status()
      await node.client.send('versionNodeStatus', engineApi.version())
      await node.client.send('imagesNodeStatus', engineApi.listImages())
      await node.dm.getPods(true, 'containersRelist')
      await node.dm.getPods(false, 'containersHousekeeping')
      await node.dm.getPods(false, 'containersHousekeeping')
      await syncPod(node.dm, web, await status(web))
      await imageStats(node.dm)
    }
  })
  const sidecar = await runningId(web, 'sidecar')
  const logs = async (options: {
    since: string
    timestamps: boolean
    follow: boolean
    tail: string
  }) => {
    const res = await node.client.send('logs', engineApi.logs(sidecar, options))
    const stop = sleep(options.follow ? 300 : 1000).then(() => 'stop' as const)
    for (;;) {
      const next = await Promise.race([res.stream?.read() ?? Promise.resolve(null), stop])
      if (next === 'stop' || next === null) break
    }
    res.stream?.close()
  }
  await step('kubectl logs web -c sidecar (', async () => undefined)
  results.pop()
  await step('kubectl logs web -c sidecar', () =>
    logs({ since: '0', timestamps: false, follow: false, tail: '' }),
  )
  await step('kubectl logs web -c sidecar --tail', () =>
    logs({
      since: String(Math.floor(Date.now() / 1000) - 60),
      timestamps: true,
      follow: false,
      tail: '10',
    }),
  )
  await step('kubectl logs -f', () =>
    logs({ since: '0', timestamps: false, follow: true, tail: '' }),
  )
  const find = async (p: PodSpec, name: string) => {
    const pods = await node.dm.getPods(false, 'containersFind')
    return pods.find((x) => x.uid === p.uid)?.containers.find((c) => c.name === name)?.id ?? ''
  }
  const exec = async (
    cmd: string[],
    stdin: string | null,
    tty: boolean,
    sizes: { h: number; w: number }[],
  ) => {
    const id = await find(web, 'nginx')
    const queue =
      tty && sizes[0] ? new SizeQueue(8, [{ height: sizes[0].h, width: sizes[0].w }]) : undefined
    const session = await execInContainer(node.dm, {
      containerId: id,
      cmd,
      stdin: stdin !== null,
      tty,
      size: null,
      ...(queue ? { queue } : {}),
      sleep,
    })
    if (tty) {
      await sleep(100)
      for (const s of sizes.slice(1)) queue?.offer({ height: s.h, width: s.w })
      await sleep(100)
    }
    if (stdin !== null) {
      session.write(stdin)
      if (!tty) session.closeStdin()
    }
    return session.done
  }
  await step('kubectl exec web -c nginx -- echo hi', () => exec(['echo', 'hi'], null, false, []))
  await step("kubectl exec web -c nginx -- sh -c 'echo oops", () =>
    exec(['sh', '-c', 'echo oops >&2; exit 3'], null, false, []),
  )
  await step('kubectl exec -i web', () => exec(['cat'], 'line one\nline two\n', false, []))
  await step('kubectl exec -it web', () =>
    exec(['sh'], 'stty size\necho tty-ok\nexit\n', true, [
      { h: 24, w: 80 },
      { h: 30, w: 100 },
    ]),
  )
  await startPod('pod shell start', shell)
  await step('kubectl attach -it shell', async () => {
    const id = await find(shell, 'shell')
    const queue = new SizeQueue(8, [{ height: 24, width: 80 }])
    const session = await attachContainer(node.dm, {
      containerId: id,
      stdin: true,
      tty: true,
      size: null,
      queue,
    })
    session.write('echo attach-ok\n')
    await sleep(200)
    queue.offer({ height: 30, width: 100 })
    session.write('stty size\n')
    await sleep(200)
    session.closeStdin()
    const timeout = sleep(2000).then(() => session.hangUp())
    await Promise.race([session.done, timeout])
  })
  await startPod('pod nonroot start', nonroot)
  for (const round of [1, 2]) {
    let st = await unrecorded(() => status(web))
    await step(`nginx crash #${round}`, async () => {
      const id = st.containers.find((c) => c.name === 'nginx' && c.state === 'running')?.id ?? ''
      await unrecorded(() => direct('POST', `/containers/${id}/kill`, { signal: 'KILL' }))
      await node.dm.getPods(true, 'containersRelist')
      st = await status(web)
    })
    await step(`restart #${round}`, async () => {
      await syncPod(node.dm, web, st)
      await status(web)
    })
  }
  if (release === '1.4') {
    const dead = (await unrecorded(() => status(web))).containers.filter(
      (c) => c.name === 'nginx' && c.state === 'exited',
    )
    await step('podContainerDeletor (1.4)', () =>
      deleteContainer(node.dm, dead[dead.length - 1]?.id ?? ''),
    )
  }
  const gcPolicy =
    release === '1.3'
      ? { minAgeMs: 0, maxPerPodContainer: 2, maxContainers: 240 }
      : { minAgeMs: 0, maxPerPodContainer: 1, maxContainers: -1 }
  await step('container GC while pods run', () =>
    garbageCollect(node.dm, gcPolicy, (uid) => !node.pods.has(uid)),
  )
  const shellId = await runningId(shell, 'shell')
  await step('KillContainerInPod(shell container id', () =>
    killContainerInPod(node.dm, shellId, null, null),
  )
  for (const p of [web, shell, nonroot]) {
    const st = await unrecorded(() => status(p))
    await step(`kubectl delete pod ${p.name}:`, async () => {
      await killPod(node.dm, p, {
        uid: p.uid,
        name: p.name,
        namespace: p.namespace,
        containers: st.containers
          .filter((c) => c.state === 'running')
          .map((c) => ({ ...c, imageId: c.image })),
      })
      await status(p)
    })
  }
  await step('kubelet restart', async () => {
    node = newNode(release, transport, recorded)
    for (const p of [web, shell, nonroot]) node.pods.set(p.uid, p)
    await node.dm.start()
    await node.dm.getPods(true, 'containersRelist')
    await node.dm.getPodStatus(web)
  })
  for (const p of [web, shell, nonroot]) node.pods.delete(p.uid)
  await step('container GC after the pods were deleted', async () => {
    await garbageCollect(node.dm, gcPolicy, (uid) => !node.pods.has(uid))
    await node.dm.getPods(true, 'containersRelist')
  })
  await unrecorded(async () => {
    await direct('POST', '/images/create', { fromImage: 'busybox', tag: '1.24' })
    await direct('POST', '/images/busybox:1.24/tag', { repo: 'myregistry/busybox', tag: '1.24' })
    await direct('POST', '/images/create', { fromImage: 'alpine', tag: '3.4' })
  })
  const imageId = async (ref: string) =>
    (JSON.parse((await direct('GET', `/images/${ref}/json`)).body) as { Id: string }).Id
  const multi = await imageId('busybox:1.24')
  const single = await imageId('alpine:3.4')
  await step('image GC detectImages:', () => detectImages(node.dm))
  await step('image GC: RemoveImage(alpine', () => removeImage(node.dm, single))
  await step('image GC: RemoveImage(busybox:1.24 +', () => removeImage(node.dm, multi))
  await step('image GC: RemoveImage(the same image by bare hex', () =>
    removeImage(node.dm, multi.replace(/^sha256:/, '')),
  )
  await step('stats summary / eviction: ImageStats (cold', () => imageStats(node.dm))
  await step('stats summary / eviction: ImageStats (warm', () => imageStats(node.dm))
  await step('runtime status + node status after everything', async () => {
    await node.dm.status()
    await node.dm.nodeStatus()
    await node.dm.getPods(true, 'containersRelist')
  })

  let bad = 0
  for (const r of results) {
    if (!r.ok) bad++
    console.log(`${r.ok ? 'ok  ' : 'DIFF'} ${r.name}: ${r.detail}`)
  }
  console.log(
    `\n${results.length - bad}/${results.length} scenarios give the oracle's calls (kubelet ${release})`,
  )
  daemon.dispose()
  process.exit(bad === 0 ? 0 : 1)
}

function newNode(release: Release, transport: Transport, sink: KubeletCall[]): KubeletNode {
  return new KubeletNode({ release, transport, onCall: (c) => sink.push(c) })
}

await main()
