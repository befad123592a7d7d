import { engineApi } from './engine-api.ts'
import { imageStats } from './gc.ts'
import { DEFAULTS, type KubeletNode } from './node.ts'
import type { PodSpec } from './pod.ts'
import { crashPod, livenessPod, shellPod, webPod } from './pods.ts'
import type { Sleep } from './sleep.ts'
import { attachContainer, execInContainer } from './streams.ts'
import type { OperationId, TermSize } from './types.ts'

/**
 * What each operation does on a node (the list with titles is operation-list.ts): its setup,
 * flagged, then the one thing it is named for.
 */
export interface OperationOptions {
  /** Pods on the node before the operation (loops and GC; default 1). */
  pods?: number
  /** The terminal of kubectl exec -it / attach -it (default 24×80). */
  size?: TermSize
  /** Output of exec, attach and logs, as it arrives. */
  onOutput?: (text: string) => void
}

type Runner = (
  node: KubeletNode,
  o: Required<Omit<OperationOptions, 'onOutput'>> & OperationOptions,
) => Promise<void>

const decoder = new TextDecoder()

async function setup(node: KubeletNode, id: OperationId, work: () => Promise<void>): Promise<void> {
  node.client.operation = id
  node.client.setup = true
  try {
    await work()
  } finally {
    node.client.setup = false
  }
}

/** Starts pods as the kubelet would (SyncPod, then the PLEG relist that sees them). */
async function startPods(node: KubeletNode, pods: PodSpec[]): Promise<void> {
  for (const pod of pods) {
    node.pods.set(pod.uid, pod)
    await node.syncPod(pod)
  }
  await node.relist()
}

/** Starts pods with every call flagged as setup (the terminal's pod, a lesson's stage). */
export function startPodsAsSetup(node: KubeletNode, id: OperationId, pods: PodSpec[]) {
  return setup(node, id, () => startPods(node, pods))
}

const webPods = (node: KubeletNode, count: number) =>
  Array.from({ length: count }, (_, i) => webPod(i, node.salt))

/** findContainer: GetPods(false), then the container by name in the pod. */
export async function findContainer(
  node: KubeletNode,
  pod: PodSpec,
  name: string,
): Promise<string> {
  const pods = await node.dm.getPods(false, 'containersFind')
  const found = pods.find((p) => p.uid === pod.uid)?.containers.find((c) => c.name === name)
  if (!found) throw new Error(`container "${name}" not found in pod ${pod.name}`)
  return found.id
}

function runningId(node: KubeletNode, pod: PodSpec, name: string): string {
  const status = node.statuses.get(pod.uid)
  const c = status?.containers.find((s) => s.name === name && s.state === 'running')
  if (!c) throw new Error(`no running container "${name}" in pod ${pod.name}`)
  return c.id
}

const text = (o: OperationOptions) => (data: Uint8Array) => o.onOutput?.(decoder.decode(data))

const RUNNERS: Record<OperationId, Runner> = {
  'kubelet-start': async (node) => node.dm.start(),
  'runtime-status': async (node) => {
    await node.dm.status()
  },
  'node-status': async (node) => node.dm.nodeStatus(),
  housekeeping: async (node, o) => {
    await setup(node, 'housekeeping', () => startPods(node, webPods(node, o.pods)))
    await node.housekeeping()
  },
  'pleg-relist': async (node, o) => {
    await setup(node, 'pleg-relist', () => startPods(node, webPods(node, o.pods)))
    await node.relist()
  },
  'pod-start': async (node) => {
    const pod = webPod(0, node.salt)
    node.pods.set(pod.uid, pod)
    await node.syncPod(pod)
    await node.relist()
  },
  'pod-delete': async (node) => {
    const pod = webPod(0, node.salt)
    await setup(node, 'pod-delete', () => startPods(node, [pod]))
    node.pods.delete(pod.uid)
    await node.killPod(pod)
  },
  'container-restart': async (node) => {
    const pod = crashPod(node.salt)
    await setup(node, 'container-restart', async () => {
      node.pods.set(pod.uid, pod)
      await node.syncPod(pod)
    })
    await node.relist()
    await node.syncPod(pod)
  },
  'liveness-restart': async (node) => {
    const pod = livenessPod(node.salt)
    await setup(node, 'liveness-restart', () => startPods(node, [pod]))
    const spec = pod.containers[0]
    if (!spec?.livenessExec) throw new Error('the liveness pod has no probe')
    const id = runningId(node, pod, spec.name)
    // failureThreshold 3 (api/v1 defaults): three failed probes, 10 s apart, then a restart
    for (let i = 0; i < 3; i++) {
      const probe = await execInContainer(node.dm, {
        containerId: id,
        cmd: spec.livenessExec,
        stdin: false,
        tty: false,
        size: null,
        sleep: node.sleep,
      })
      const { exitCode } = await probe.done
      if (exitCode === 0) return
    }
    node.unhealthy.add(id)
    await node.syncPod(pod)
  },
  logs: async (node, o) => {
    const pod = webPod(0, node.salt)
    await setup(node, 'logs', () => startPods(node, [pod]))
    const id = runningId(node, pod, 'nginx')
    const response = await node.client.send(
      'logs',
      // kubectl logs -f: since 0, tail unset (engine-api sends it empty)
      engineApi.logs(id, {
        since: '0',
        timestamps: false,
        follow: true,
        tail: '',
      }),
    )
    await readFor(response.stream, node.sleep, 300, text(o))
  },
  exec: async (node, o) => {
    const pod = webPod(0, node.salt)
    await setup(node, 'exec', () => startPods(node, [pod]))
    const id = await findContainer(node, pod, 'nginx')
    const session = await execInContainer(node.dm, {
      containerId: id,
      cmd: ['echo', 'hi'],
      stdin: false,
      tty: false,
      size: null,
      sleep: node.sleep,
      onOutput: text(o),
    })
    await session.done
  },
  'exec-it': async (node, o) => {
    const pod = webPod(0, node.salt)
    await setup(node, 'exec-it', () => startPods(node, [pod]))
    const id = await findContainer(node, pod, 'nginx')
    const session = await execInContainer(node.dm, {
      containerId: id,
      cmd: ['sh'],
      stdin: true,
      tty: true,
      size: o.size,
      sleep: node.sleep,
      onOutput: text(o),
    })
    session.write('exit\n')
    await bounded(session.done, node.sleep, 5000, () => session.hangUp())
  },
  'attach-it': async (node, o) => {
    const pod = shellPod(node.salt)
    await setup(node, 'attach-it', () => startPods(node, [pod]))
    const id = await findContainer(node, pod, 'shell')
    const session = await attachContainer(node.dm, {
      containerId: id,
      stdin: true,
      tty: true,
      size: o.size,
      onOutput: text(o),
    })
    session.write('echo attach-ok\n')
    await node.sleep(100)
    // kubectl goes away: with a TTY, Docker ends the attach when its stdin closes
    session.closeStdin()
    await bounded(session.done, node.sleep, 2000, () => session.hangUp())
  },
  'port-forward': async (node) => {
    const pod = webPod(0, node.salt)
    await setup(node, 'port-forward', () => startPods(node, [pod]))
    const pods = await node.dm.getPods(false, 'containersPortForward')
    const infra = pods.find((p) => p.uid === pod.uid)?.containers.find((c) => c.name === 'POD')
    if (!infra) throw new Error('no infra container to forward into')
    await node.client.send('inspectPortForward', engineApi.inspectContainer(infra.id))
    // nsenter -t <pid> -n socat - TCP4:localhost:<port> runs on the host: no Docker call
  },
  'container-gc': async (node, o) => {
    const pods = webPods(node, o.pods)
    await setup(node, 'container-gc', async () => {
      await startPods(node, pods)
      const deleted = pods[0]
      if (deleted) {
        node.pods.delete(deleted.uid)
        await node.killPod(deleted)
      }
      await node.relist()
    })
    node.advance(DEFAULTS[node.release].containerGc.minAgeMs + 60_000)
    await node.containerGc()
  },
  'image-gc': async (node, o) => {
    await setup(node, 'image-gc', async () => {
      await node.detectImages()
      await startPods(node, webPods(node, o.pods))
    })
    node.advance(5 * 60_000)
    await node.imageGcFreeSpace()
  },
  'stats-summary': async (node) => imageStats(node.dm),
}

/** Reads a stream for `ms`, then hangs up (Ctrl-C on kubectl logs -f). */
async function readFor(
  stream: { read(): Promise<Uint8Array | null>; close(): void } | undefined,
  sleep: Sleep,
  ms: number,
  emit: (data: Uint8Array) => void,
): Promise<void> {
  if (!stream) return
  const cancel = new AbortController()
  const stop = sleep(ms, cancel.signal).then(() => 'stop' as const)
  for (;;) {
    const next = await Promise.race([stream.read(), stop])
    if (next === 'stop' || next === null) break
    emit(next)
  }
  cancel.abort()
  stream.close()
}

async function bounded<T>(
  done: Promise<T>,
  sleep: Sleep,
  ms: number,
  giveUp: () => void,
): Promise<T> {
  const cancel = new AbortController()
  const timeout = sleep(ms, cancel.signal).then(() => 'timeout' as const)
  const first = await Promise.race([done, timeout])
  cancel.abort()
  if (first === 'timeout') giveUp()
  return done
}

/** Runs one operation on a node: its setup (flagged), then the operation. */
export async function runOperationOn(
  node: KubeletNode,
  id: OperationId,
  options: OperationOptions = {},
): Promise<void> {
  node.client.operation = id
  node.client.setup = false
  await RUNNERS[id](node, {
    pods: Math.max(1, Math.floor(options.pods ?? 1)),
    size: options.size ?? { height: 24, width: 80 },
    ...options,
  })
}
