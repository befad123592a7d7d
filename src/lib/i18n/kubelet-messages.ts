/**
 * UI strings of the kubelet view (src/features/kubelet), in both languages. They ship with its
 * lazy chunk, not with the first page: the view imports this module, which registers them.
 */
import { registerFeatureMessages } from './index.tsx'

const en = {
  kubeletHeading: 'What the kubelet sends',
  kubeletIntro:
    'Pick one of the kubelet’s jobs and a Kubernetes release and run it against the playground’s simulated Docker 1.12.6 daemon. A model of the 1.3 / 1.4 kubelet’s Docker code (pkg/kubelet/dockertools and the loops that drive it) sends each call as a real request; watch them arrive, each with the line of the kubelet source that sends it.',
  kubeletOperation: 'Operation',
  kubeletRelease: 'Kubernetes release',
  kubeletReleaseBoth: '1.3 and 1.4 side by side',
  kubeletRun: 'Run on the simulated daemon',
  kubeletRunning: 'Running…',
  kubeletPeriodic: 'A periodic loop: every {seconds} s.',
  kubeletRunDone:
    'Kubernetes {release}: {calls} calls for the operation, {setup} before it to set the stage.',
  kubeletRunFailed: 'Kubernetes {release}: the kubelet’s code returned an error: {error}',
  kubeletCleaned:
    'Before the run, {count} k8s_ containers an earlier run left were removed (force), so the kubelet starts on a clean node.',
  kubeletBothNote:
    'Both releases start from the same daemon: after the 1.3 run the daemon is put back as it was, then 1.4 runs.',
  kubeletShowSetup: 'Show the setup calls ({count})',
  kubeletSetup: 'setup',
  kubeletSetupTitle: 'Sets the stage for the operation (another operation’s work), not part of it',
  kubeletTraceCaption: 'The calls the Kubernetes {release} kubelet sent, in order',
  kubeletTraceCaptionBoth:
    'Kubernetes 1.3 and 1.4 call by call; a row marked “only” is sent by one release',
  kubeletColCall: 'Call',
  kubeletColStatus: 'Status',
  kubeletColTime: 'Time',
  kubeletColSource: 'Kubelet source',
  kubeletColPurpose: 'Why',
  kubeletColDaemon: 'What changed in the daemon',
  kubeletColDiff: 'Difference',
  kubeletOnlyIn: 'only {release}',
  kubeletSame: 'same',
  kubeletNotSent: 'not sent',
  kubeletVia: 'via',
  kubeletTimeAt: '+{at} ms ({ms} ms)',
  kubeletChangeAdded: '+ {name}',
  kubeletChangeRemoved: '− {name}',
  kubeletChangeStatus: '{name}: {from} → {to}',
  kubeletChangeImage: '+ image {name}',
  kubeletChangeImageRemoved: '− image {name}',
  kubeletNoCalls: 'Run the operation to watch its calls arrive.',
  kubeletHighlight: 'Marked: the calls of {endpoint}, the endpoint you came from.',
  kubeletSentBy: 'Operations that send {endpoint} with Kubernetes {release}:',
  kubeletNoSender: 'No operation of the Kubernetes {release} kubelet sends {endpoint}.',
  kubeletSetupNote:
    'Setting the stage (starting the pod first) is not this operation’s doing: those calls are flagged “setup” and hidden until you show them.',
  kubeletEmbedTitle: 'The Docker calls of the kubelet: {operation}, Kubernetes {release}',
  kubeletEmbedNote:
    'Run in this page: the kubelet model against a fresh simulated Docker 1.12.6 daemon, so every reader sees the same calls.',
  clockHeading: 'Node clock',
  clockIntro:
    'The kubelet’s periodic loops (PLEG relist, housekeeping, runtime and node status, eviction, both GCs) on a node with N pods, each a pause container and an app container, in steady state: which calls dominate the daemon’s load, and how they grow with the number of pods.',
  clockPods: 'Pods on the node',
  clockSpeed: 'Speed',
  clockPlay: 'Play',
  clockPause: 'Pause',
  clockReset: 'Reset',
  clockHour: 'Run an hour',
  clockTime: 'Node time',
  clockCaption: 'Calls per endpoint, Kubernetes {release}, {pods} pods',
  clockColEndpoint: 'Endpoint',
  clockColLoops: 'Sent by (period)',
  clockColPerMinute: 'Calls in minute {minute}',
  clockColSoFar: 'Calls so far',
  clockTotal: 'All endpoints',
  clockNotModelled:
    'Not counted: cAdvisor’s own Docker client, and the calls of pods that change (starts, deaths, probes).',
} as const

export type KubeletMessageKey = keyof typeof en

const zh: Record<KubeletMessageKey, string> = {
  kubeletHeading: 'kubelet 发出了什么',
  kubeletIntro:
    '选择 kubelet 的一项工作和一个 Kubernetes 版本，在演练场的模拟 Docker 1.12.6 守护进程上运行它。1.3 / 1.4 kubelet 的 Docker 代码（pkg/kubelet/dockertools 及驱动它的循环）的模型把每个调用作为真实请求发出；你可以看着它们一个个到达，每个都附有发出它的 kubelet 源码行。',
  kubeletOperation: '操作',
  kubeletRelease: 'Kubernetes 版本',
  kubeletReleaseBoth: '1.3 与 1.4 并排',
  kubeletRun: '在模拟守护进程上运行',
  kubeletRunning: '运行中…',
  kubeletPeriodic: '周期循环：每 {seconds} 秒一次。',
  kubeletRunDone:
    'Kubernetes {release}：该操作发出 {calls} 个调用，另有 {setup} 个调用在此之前用于准备。',
  kubeletRunFailed: 'Kubernetes {release}：kubelet 的代码返回了错误：{error}',
  kubeletCleaned:
    '运行前强制删除了之前运行留下的 {count} 个 k8s_ 容器，让 kubelet 从干净的节点开始。',
  kubeletBothNote:
    '两个版本从同一个守护进程状态开始：1.3 运行结束后，守护进程恢复原状，再运行 1.4。',
  kubeletShowSetup: '显示准备调用（{count} 个）',
  kubeletSetup: '准备',
  kubeletSetupTitle: '为该操作做准备（属于另一个操作的工作），不是该操作本身',
  kubeletTraceCaption: 'Kubernetes {release} 的 kubelet 按顺序发出的调用',
  kubeletTraceCaptionBoth: 'Kubernetes 1.3 与 1.4 逐个调用对照；标记“仅”的行只有一个版本发出',
  kubeletColCall: '调用',
  kubeletColStatus: '状态码',
  kubeletColTime: '时间',
  kubeletColSource: 'kubelet 源码',
  kubeletColPurpose: '原因',
  kubeletColDaemon: '守护进程中的变化',
  kubeletColDiff: '差异',
  kubeletOnlyIn: '仅 {release}',
  kubeletSame: '相同',
  kubeletNotSent: '不发送',
  kubeletVia: '经由',
  kubeletTimeAt: '+{at} 毫秒（{ms} 毫秒）',
  kubeletChangeAdded: '+ {name}',
  kubeletChangeRemoved: '− {name}',
  kubeletChangeStatus: '{name}：{from} → {to}',
  kubeletChangeImage: '+ 镜像 {name}',
  kubeletChangeImageRemoved: '− 镜像 {name}',
  kubeletNoCalls: '运行该操作，看着它的调用到达。',
  kubeletHighlight: '已标记：你来自的接口 {endpoint} 的调用。',
  kubeletSentBy: 'Kubernetes {release} 中发出 {endpoint} 的操作：',
  kubeletNoSender: 'Kubernetes {release} 的 kubelet 没有任何操作发出 {endpoint}。',
  kubeletSetupNote:
    '准备工作（先启动 Pod）不是该操作本身做的：这些调用标记为“准备”，默认隐藏，可以选择显示。',
  kubeletEmbedTitle: 'kubelet 的 Docker 调用：{operation}，Kubernetes {release}',
  kubeletEmbedNote:
    '在本页面中运行：kubelet 模型对一个全新的模拟 Docker 1.12.6 守护进程发出调用，因此每位读者看到的调用都相同。',
  clockHeading: '节点时钟',
  clockIntro:
    '有 N 个 Pod（每个含一个 pause 容器和一个应用容器）的节点在稳定状态下，kubelet 的周期循环（PLEG relist、清理、运行时与节点状态、驱逐、两种 GC）：哪些调用占了守护进程负载的大头，以及它们如何随 Pod 数增长。',
  clockPods: '节点上的 Pod 数',
  clockSpeed: '速度',
  clockPlay: '播放',
  clockPause: '暂停',
  clockReset: '重置',
  clockHour: '运行一小时',
  clockTime: '节点时间',
  clockCaption: '每个接口的调用次数，Kubernetes {release}，{pods} 个 Pod',
  clockColEndpoint: '接口',
  clockColLoops: '发出者（周期）',
  clockColPerMinute: '第 {minute} 分钟的调用',
  clockColSoFar: '累计调用',
  clockTotal: '所有接口',
  clockNotModelled:
    '未计入：cAdvisor 自己的 Docker 客户端，以及发生变化的 Pod（启动、退出、探针）的调用。',
}

registerFeatureMessages({ en, zh })
