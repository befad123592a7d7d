import type { OperationId, Purpose } from './types.ts'

/**
 * The kubelet's work, as operations with stable ids (CLI, URL, tests, data/kubelet/*.json):
 * titles and summaries in the UI's two languages. What each one runs is operations.ts.
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

export const OPERATIONS: readonly OperationInfo[] = [
  op(
    'kubelet-start',
    false,
    'Kubelet start',
    '启动 kubelet',
    'NewDockerManager: one Info call, for the Docker root directory.',
    'NewDockerManager:一次 Info 调用,取 Docker 根目录。',
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
