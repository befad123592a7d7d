import { engineApi } from './engine-api.ts'
import { DEFAULTS, type KubeletNode } from './node.ts'
import type { PodSpec } from './pod.ts'
import { crashPod, livenessPod, shellPod, webPod } from './pods.ts'
import { attachContainer, execInContainer } from './streams.ts'
import type { OperationId, Purpose, TermSize } from './types.ts'

/**
 * The kubelet's work, as operations with stable ids (CLI, URL, tests, data/kubelet/*.json).
 * Each brings the node to its starting point first (calls flagged `setup`), then does the
 * one thing it is named for.
 */
export interface OperationInfo {
  id: OperationId
  title: Purpose
  /** What the kubelet does and which code runs it. */
  summary: Purpose
  /** A periodic loop: its period in seconds (kubelet.go constants, flag defaults). */
  periodSeconds?: number
  /** The operation starts pods first; `--pods N` sets how many (default 1). */
  usesPods: boolean
}

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
  'stats-summary': async (node) => node.dm.imageStats(),
}

/** Reads a stream for `ms`, then hangs up (Ctrl-C on kubectl logs -f). */
async function readFor(
  stream: { read(): Promise<Uint8Array | null>; close(): void } | undefined,
  sleep: (ms: number) => Promise<void>,
  ms: number,
  emit: (data: Uint8Array) => void,
): Promise<void> {
  if (!stream) return
  const stop = sleep(ms).then(() => 'stop' as const)
  for (;;) {
    const next = await Promise.race([stream.read(), stop])
    if (next === 'stop' || next === null) break
    emit(next)
  }
  stream.close()
}

async function bounded<T>(
  done: Promise<T>,
  sleep: (ms: number) => Promise<void>,
  ms: number,
  giveUp: () => void,
): Promise<T> {
  const timeout = sleep(ms).then(() => 'timeout' as const)
  const first = await Promise.race([done, timeout])
  if (first === 'timeout') giveUp()
  return done
}

export const OPERATIONS: readonly OperationInfo[] = [
  op(
    'kubelet-start',
    false,
    'Kubelet start',
    '启动 kubelet',
    'NewDockerManager: one Info call.',
    'NewDockerManager:一次 Info 调用。',
  ),
  op(
    'runtime-status',
    false,
    'Runtime status',
    '运行时状态',
    'updateRuntimeUp every 5 s: Status() → GET /version.',
    'updateRuntimeUp 每 5 秒:Status() → GET /version。',
    5,
  ),
  op(
    'node-status',
    false,
    'Node status',
    '节点状态',
    'syncNodeStatus every 10 s: the Docker version and the image list.',
    'syncNodeStatus 每 10 秒:Docker 版本和镜像列表。',
    10,
  ),
  op(
    'housekeeping',
    true,
    'Housekeeping',
    '清理',
    'HandlePodCleanups every 2 s: the runtime cache and a direct list of running containers.',
    'HandlePodCleanups 每 2 秒:运行时缓存和一次直接的运行中容器列表。',
    2,
  ),
  op(
    'pleg-relist',
    true,
    'PLEG relist',
    'PLEG relist',
    'Every second: list every container; inspect the pods that changed.',
    '每秒:列出所有容器;inspect 有变化的 Pod。',
    1,
  ),
  op(
    'pod-start',
    false,
    'Pod start',
    '启动 Pod',
    'SyncPod: pull the pause image if absent, create and start it, then the app container; the next relist sees them.',
    'SyncPod:pause 镜像不在就拉取,创建并启动它,再启动应用容器;下一次 relist 发现它们。',
  ),
  op(
    'pod-delete',
    false,
    'Pod delete',
    '删除 Pod',
    'KillPod: stop (never kill, never remove) the app containers, then the infra container.',
    'KillPod:stop(从不 kill、从不删除)应用容器,再 stop infra 容器。',
  ),
  op(
    'container-restart',
    false,
    'Container restart',
    '容器重启',
    'A container exits under restartPolicy Always: the relist sees it, SyncPod creates a new one.',
    'restartPolicy Always 下容器退出:relist 发现,SyncPod 新建一个。',
  ),
  op(
    'liveness-restart',
    false,
    'Liveness restart',
    '存活探针重启',
    'Three failed exec probes, then SyncPod stops the container and starts a new one.',
    '三次 exec 探针失败后,SyncPod 停掉容器并启动新的。',
  ),
  op(
    'logs',
    false,
    'kubectl logs -f',
    'kubectl logs -f',
    'One logs call with follow=1, the container id taken from the status cache.',
    '一次带 follow=1 的 logs 调用,容器 id 来自状态缓存。',
  ),
  op(
    'exec',
    false,
    'kubectl exec',
    'kubectl exec',
    'findContainer, inspect, exec create, hijacked start, exec inspect for the exit code.',
    'findContainer、inspect、创建 exec、劫持连接启动、inspect exec 取退出码。',
  ),
  op(
    'exec-it',
    false,
    'kubectl exec -it',
    'kubectl exec -it',
    'The same with a TTY: no stderr; 1.4 resizes through a one-slot queue.',
    '带 TTY 的同样流程:没有 stderr;1.4 通过单槽队列 resize。',
  ),
  op(
    'attach-it',
    false,
    'kubectl attach -it',
    'kubectl attach -it',
    'findContainer, then attach (no inspect); 1.4 resizes size+1, then size.',
    'findContainer,然后 attach(不 inspect);1.4 先 resize 为尺寸+1,再为原尺寸。',
  ),
  op(
    'port-forward',
    false,
    'kubectl port-forward',
    'kubectl port-forward',
    'GetPods(false) and an inspect of the infra container; nsenter and socat do the rest.',
    'GetPods(false) 并 inspect infra 容器;其余由 nsenter 和 socat 完成。',
  ),
  op(
    'container-gc',
    true,
    'Container GC',
    '容器 GC',
    'Every minute: list and inspect every container, remove the dead ones beyond the policy.',
    '每分钟:列出并 inspect 每个容器,删除超出策略的已退出容器。',
    60,
  ),
  op(
    'image-gc',
    true,
    'Image GC',
    '镜像 GC',
    'Every 5 minutes, with the image disk over 90 %: remove unused images by id.',
    '每 5 分钟,镜像盘超过 90% 时:按 id 删除未使用的镜像。',
    300,
  ),
  op(
    'stats-summary',
    false,
    'Stats summary',
    '统计摘要',
    'ImageStats: the image list and the history of each image not seen before.',
    'ImageStats:镜像列表,以及每个没见过的镜像的历史。',
  ),
]

function op(
  id: OperationId,
  usesPods: boolean,
  en: string,
  zh: string,
  summaryEn: string,
  summaryZh: string,
  periodSeconds?: number,
): OperationInfo {
  return {
    id,
    title: { en, zh },
    summary: { en: summaryEn, zh: summaryZh },
    usesPods,
    ...(periodSeconds === undefined ? {} : { periodSeconds }),
  }
}

export function isOperationId(value: string): value is OperationId {
  return OPERATIONS.some((o) => o.id === value)
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
