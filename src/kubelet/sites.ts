import type { DockerMethod, Purpose, Release, SourceLine } from './types.ts'

/**
 * Every place the modelled kubelet calls a DockerInterface method, with the line at each
 * release tag (v1.3.0 = 2831379, v1.4.0 = a16c0a7). `line` is the call of the DockerInterface
 * method (the line `npm run audit:sources -- --kube-git DIR` checks); `via` is the kubelet code
 * that led there when the same call serves several callers (the four `GET /version` of a 1.4
 * pod start all go through DockerManager.APIVersion or Version).
 */
export interface Site {
  method: DockerMethod
  line: SourceLine
  via?: SourceLine
  purpose: Purpose
}

const DM = 'pkg/kubelet/dockertools/docker_manager.go'
const DOCKER = 'pkg/kubelet/dockertools/docker.go'
const EXEC = 'pkg/kubelet/dockertools/exec.go'
const GC = 'pkg/kubelet/dockertools/container_gc.go'
const IMAGES = 'pkg/kubelet/dockertools/images.go'
const PLEG = 'pkg/kubelet/pleg/generic.go'

const at = (file: string, line: number, func: string): SourceLine => ({ file, line, func })

type SiteSpec = {
  method: DockerMethod
  purpose: Purpose
  /** [v1.3.0, v1.4.0]; null where the release has no such call. */
  line: readonly [SourceLine | null, SourceLine | null]
  via?: readonly [SourceLine | null, SourceLine | null]
}

const SPECS = {
  startInfo: {
    method: 'Info',
    purpose: {
      en: 'NewDockerManager asks the daemon for its Info once (the Docker root directory, the cgroup driver).',
      zh: 'NewDockerManager 启动时调用一次 Info(Docker 根目录、cgroup 驱动)。',
    },
    line: [at(DM, 229, 'NewDockerManager'), at(DM, 236, 'NewDockerManager')],
  },
  versionStatus: {
    method: 'Version',
    purpose: {
      en: 'Runtime status: Status() → checkVersionCompatibility() compares ApiVersion with the minimum 1.21.',
      zh: '运行时状态:Status() → checkVersionCompatibility() 把 ApiVersion 与最低要求 1.21 比较。',
    },
    line: [at(DM, 948, 'DockerManager.APIVersion'), at(DM, 1046, 'DockerManager.APIVersion')],
    via: [
      at(DM, 965, 'DockerManager.checkVersionCompatibility'),
      at(DM, 1063, 'DockerManager.checkVersionCompatibility'),
    ],
  },
  versionSecurity: {
    method: 'Version',
    purpose: {
      en: 'Before each container create: seccomp options exist only on Docker ≥ 1.10, so the API version is asked again (not cached).',
      zh: '每次创建容器前:seccomp 选项只在 Docker ≥ 1.10 上有,所以再问一次 API 版本(不走缓存)。',
    },
    line: [at(DM, 948, 'DockerManager.APIVersion'), at(DM, 1046, 'DockerManager.APIVersion')],
    via: [
      at(DM, 981, 'DockerManager.getSecurityOpts'),
      at(DM, 1131, 'DockerManager.getSeccompOpts'),
    ],
  },
  versionFmtOpts: {
    method: 'Version',
    purpose: {
      en: 'Before each container create (1.4): fmtDockerOpts asks the API version once more to pick ":" or "=" in security options.',
      zh: '每次创建容器前(1.4):fmtDockerOpts 再问一次 API 版本,决定安全选项用 ":" 还是 "="。',
    },
    line: [null, at(DM, 1046, 'DockerManager.APIVersion')],
    via: [null, at(DM, 1079, 'DockerManager.fmtDockerOpts')],
  },
  versionCacheApi: {
    method: 'Version',
    purpose: {
      en: 'The version cache (60 s TTL) was empty or stale: getVersionInfo asks the API version …',
      zh: '版本缓存(60 秒过期)为空或已过期:getVersionInfo 先问 API 版本……',
    },
    line: [at(DM, 948, 'DockerManager.APIVersion'), at(DM, 1046, 'DockerManager.APIVersion')],
    via: [
      at(DM, 2412, 'DockerManager.getVersionInfo'),
      at(DM, 2580, 'DockerManager.getVersionInfo'),
    ],
  },
  versionCacheDaemon: {
    method: 'Version',
    purpose: {
      en: '… and the daemon version, in a second identical GET /version.',
      zh: '……再用第二个相同的 GET /version 问守护进程版本。',
    },
    line: [at(DM, 939, 'DockerManager.Version'), at(DM, 1034, 'DockerManager.Version')],
    via: [
      at(DM, 2416, 'DockerManager.getVersionInfo'),
      at(DM, 2584, 'DockerManager.getVersionInfo'),
    ],
  },
  versionNodeStatus: {
    method: 'Version',
    purpose: {
      en: 'Node status: the runtime version reported in NodeInfo (docker://1.12.6).',
      zh: '节点状态:NodeInfo 里报告的运行时版本(docker://1.12.6)。',
    },
    line: [at(DM, 939, 'DockerManager.Version'), at(DM, 1034, 'DockerManager.Version')],
    via: [
      at('pkg/kubelet/kubelet.go', 3073, 'Kubelet.setNodeStatusVersionInfo'),
      at('pkg/kubelet/kubelet_node_status.go', 472, 'Kubelet.setNodeStatusVersionInfo'),
    ],
  },
  imagesNodeStatus: {
    method: 'ListImages',
    purpose: {
      en: 'Node status: the images on the node, reported in NodeStatus.Images.',
      zh: '节点状态:节点上的镜像,写进 NodeStatus.Images。',
    },
    line: [at(DM, 835, 'DockerManager.ListImages'), at(DM, 888, 'DockerManager.ListImages')],
    via: [
      at('pkg/kubelet/image_manager.go', 146, 'realImageManager.GetImageList'),
      at('pkg/kubelet/images/image_gc_manager.go', 150, 'realImageGCManager.GetImageList'),
    ],
  },
  imagesDetect: {
    method: 'ListImages',
    purpose: {
      en: 'Image GC detectImages: every image on the node, to record when each was first seen and last used.',
      zh: '镜像 GC 的 detectImages:列出节点上所有镜像,记录首次发现和最后使用时间。',
    },
    line: [at(DM, 835, 'DockerManager.ListImages'), at(DM, 888, 'DockerManager.ListImages')],
    via: [
      at('pkg/kubelet/image_manager.go', 154, 'realImageManager.detectImages'),
      at('pkg/kubelet/images/image_gc_manager.go', 158, 'realImageGCManager.detectImages'),
    ],
  },
  containersDetect: {
    method: 'ListContainers',
    purpose: {
      en: 'Image GC detectImages: GetPods(true), to learn which images the containers use.',
      zh: '镜像 GC 的 detectImages:GetPods(true),找出容器正在使用的镜像。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at('pkg/kubelet/image_manager.go', 158, 'realImageManager.detectImages'),
      at('pkg/kubelet/images/image_gc_manager.go', 162, 'realImageGCManager.detectImages'),
    ],
  },
  containersRelist: {
    method: 'ListContainers',
    purpose: {
      en: 'PLEG relist (every second): GetPods(true) lists every container, running or dead, and compares with the last relist.',
      zh: 'PLEG relist(每秒一次):GetPods(true) 列出所有容器(运行中和已退出的),与上一次比较。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [at(PLEG, 195, 'GenericPLEG.relist'), at(PLEG, 191, 'GenericPLEG.relist')],
  },
  containersRuntimeCache: {
    method: 'ListContainers',
    purpose: {
      en: 'Housekeeping (every 2 s): the runtime cache is older than its 2 s period, so it lists the running containers again.',
      zh: '清理(每 2 秒):运行时缓存已超过 2 秒有效期,于是重新列出运行中的容器。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at('pkg/kubelet/container/runtime_cache.go', 94, 'runtimeCache.getPodsWithTimestamp'),
      at('pkg/kubelet/container/runtime_cache.go', 94, 'runtimeCache.getPodsWithTimestamp'),
    ],
  },
  containersHousekeeping: {
    method: 'ListContainers',
    purpose: {
      en: 'Housekeeping (every 2 s): HandlePodCleanups lists the running containers to kill those of deleted pods.',
      zh: '清理(每 2 秒):HandlePodCleanups 列出运行中的容器,清掉已删除 Pod 的容器。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at('pkg/kubelet/kubelet.go', 2261, 'Kubelet.HandlePodCleanups'),
      at('pkg/kubelet/kubelet.go', 2036, 'Kubelet.HandlePodCleanups'),
    ],
  },
  containersFind: {
    method: 'ListContainers',
    purpose: {
      en: 'findContainer: GetPods(false) lists the running containers to find the one named in the request.',
      zh: 'findContainer:GetPods(false) 列出运行中的容器,找到请求里指定的那个。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at('pkg/kubelet/kubelet.go', 3758, 'Kubelet.findContainer'),
      at('pkg/kubelet/kubelet.go', 2975, 'Kubelet.findContainer'),
    ],
  },
  containersPortForward: {
    method: 'ListContainers',
    purpose: {
      en: 'Port-forward: GetPods(false) finds the pod, whose infra container holds the network namespace.',
      zh: '端口转发:GetPods(false) 找到 Pod,它的 infra 容器持有网络命名空间。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at('pkg/kubelet/kubelet.go', 3823, 'Kubelet.PortForward'),
      at('pkg/kubelet/kubelet.go', 3039, 'Kubelet.PortForward'),
    ],
  },
  containersGc: {
    method: 'ListContainers',
    purpose: {
      en: 'Container GC (every minute): every kubelet container, running or dead.',
      zh: '容器 GC(每分钟):列出 kubelet 的所有容器,包括已退出的。',
    },
    line: [
      at(DOCKER, 378, 'GetKubeletDockerContainers'),
      at(DOCKER, 445, 'GetKubeletDockerContainers'),
    ],
    via: [
      at(GC, 132, 'containerGC.evictableContainers'),
      at(GC, 124, 'containerGC.evictableContainers'),
    ],
  },
  containersPodStatus: {
    method: 'ListContainers',
    purpose: {
      en: 'GetPodStatus lists every container (no filter: old containers may lack labels), then inspects the pod’s own.',
      zh: 'GetPodStatus 列出所有容器(不加过滤:旧容器可能没有标签),再逐个 inspect 这个 Pod 的容器。',
    },
    line: [at(DM, 2364, 'DockerManager.GetPodStatus'), at(DM, 2532, 'DockerManager.GetPodStatus')],
  },
  inspectPodStatus: {
    method: 'InspectContainer',
    purpose: {
      en: 'GetPodStatus: state, exit code, restart count (a label), pod IP for each container of the pod.',
      zh: 'GetPodStatus:每个容器的状态、退出码、重启次数(标签)和 Pod IP。',
    },
    line: [
      at(DM, 356, 'DockerManager.inspectContainer'),
      at(DM, 369, 'DockerManager.inspectContainer'),
    ],
  },
  imagePresent: {
    method: 'InspectImage',
    purpose: {
      en: 'EnsureImageExists: is the image on the node? (404 = absent, then pulled under IfNotPresent)',
      zh: 'EnsureImageExists:镜像在节点上吗?(404 = 不在,IfNotPresent 策略下随后拉取)',
    },
    line: [
      at(DOCKER, 234, 'dockerPuller.IsImagePresent'),
      at(DOCKER, 296, 'dockerPuller.IsImagePresent'),
    ],
    via: [
      at('pkg/kubelet/container/serialized_image_puller.go', 85, 'serializedImagePuller.PullImage'),
      at('pkg/kubelet/images/image_manager.go', 89, 'imageManager.EnsureImageExists'),
    ],
  },
  imagePull: {
    method: 'PullImage',
    purpose: {
      en: 'Pull without credentials; a reference without a tag gets :latest (applyDefaultImageTag).',
      zh: '不带凭据拉取;没有标签的引用补上 :latest(applyDefaultImageTag)。',
    },
    line: [at(DOCKER, 187, 'dockerPuller.Pull'), at(DOCKER, 249, 'dockerPuller.Pull')],
  },
  imagePresentAfterPull: {
    method: 'InspectImage',
    purpose: {
      en: 'After a pull that returned no error, check the image really arrived ("Sometimes PullImage failed with no error returned").',
      zh: '拉取没有报错后,再确认镜像确实到了("有时 PullImage 失败却不返回错误")。',
    },
    line: [
      at(DOCKER, 234, 'dockerPuller.IsImagePresent'),
      at(DOCKER, 296, 'dockerPuller.IsImagePresent'),
    ],
    via: [at(DOCKER, 190, 'dockerPuller.Pull'), at(DOCKER, 252, 'dockerPuller.Pull')],
  },
  imageRoot: {
    method: 'InspectImage',
    purpose: {
      en: 'runAsNonRoot: the image’s Config.User decides whether the container would run as root.',
      zh: 'runAsNonRoot:看镜像的 Config.User,判断容器是否会以 root 运行。',
    },
    line: [at(DM, 2230, 'DockerManager.isImageRoot'), at(DM, 2394, 'DockerManager.isImageRoot')],
  },
  create: {
    method: 'CreateContainer',
    purpose: {
      en: 'Create the container, named k8s_<container>.<hash>_<pod>_<namespace>_<uid>_<random> with the pod in its labels.',
      zh: '创建容器,名字是 k8s_<容器>.<哈希>_<Pod>_<命名空间>_<uid>_<随机数>,Pod 信息写在标签里。',
    },
    line: [at(DM, 694, 'DockerManager.runContainer'), at(DM, 733, 'DockerManager.runContainer')],
  },
  start: {
    method: 'StartContainer',
    purpose: { en: 'Start the new container.', zh: '启动新容器。' },
    line: [at(DM, 704, 'DockerManager.runContainer'), at(DM, 757, 'DockerManager.runContainer')],
  },
  inspectAfterStart: {
    method: 'InspectContainer',
    purpose: {
      en: 'After the start: the log path for the symlink, the OOM score and (pause container) the resolv.conf to add ndots.',
      zh: '启动后:取日志路径建软链接、OOM 分数,以及(pause 容器)resolv.conf 以加 ndots。',
    },
    line: [
      at(DM, 1518, 'DockerManager.runContainerInPod'),
      at(DM, 1684, 'DockerManager.runContainerInPod'),
    ],
  },
  inspectInfra: {
    method: 'InspectContainer',
    purpose: {
      en: 'SyncPod after the network set-up: the pod IP from the infra container.',
      zh: 'SyncPod 设置网络后:从 infra 容器取 Pod IP。',
    },
    line: [at(DM, 1983, 'DockerManager.SyncPod'), at(DM, 2142, 'DockerManager.SyncPod')],
  },
  inspectNetworkContainer: {
    method: 'InspectContainer',
    purpose: {
      en: 'KillPod: the infra container is killed last; its network mode decides whether to tear the network down.',
      zh: 'KillPod:infra 容器最后杀;它的网络模式决定是否拆除网络。',
    },
    line: [
      at(DM, 1239, 'DockerManager.killPodWithSyncResult'),
      at(DM, 1405, 'DockerManager.killPodWithSyncResult'),
    ],
  },
  inspectForLabels: {
    method: 'InspectContainer',
    purpose: {
      en: 'KillContainerInPod without the container spec (the infra container has none): pod and grace period come from the labels.',
      zh: 'KillContainerInPod 没有容器定义(infra 容器没有):Pod 和宽限期从标签里取。',
    },
    line: [
      at(DM, 1285, 'DockerManager.KillContainerInPod'),
      at(DM, 1451, 'DockerManager.KillContainerInPod'),
    ],
  },
  stop: {
    method: 'StopContainer',
    purpose: {
      en: 'Kill = stop with the grace period (terminationGracePeriodSeconds, 30 by default): SIGTERM, then SIGKILL. Never /kill.',
      zh: '杀容器 = 带宽限期的 stop(terminationGracePeriodSeconds,默认 30):先 SIGTERM,后 SIGKILL。从不调用 /kill。',
    },
    line: [
      at(DM, 1363, 'DockerManager.killContainer'),
      at(DM, 1529, 'DockerManager.killContainer'),
    ],
  },
  inspectExecTarget: {
    method: 'InspectContainer',
    purpose: {
      en: 'ExecInContainer: inspect the container (is it running?) before the exec.',
      zh: 'ExecInContainer:exec 之前先 inspect 容器(是否在运行?)。',
    },
    line: [
      at(DM, 1068, 'DockerManager.ExecInContainer'),
      at(DM, 1223, 'DockerManager.ExecInContainer'),
    ],
  },
  createExec: {
    method: 'CreateExec',
    purpose: {
      en: 'Create the exec instance; AttachStderr only when there is a stderr stream (never with a TTY).',
      zh: '创建 exec 实例;只有存在 stderr 流时才 AttachStderr(有 TTY 时没有)。',
    },
    line: [
      at(EXEC, 109, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 120, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  startExec: {
    method: 'StartExec',
    purpose: {
      en: 'Start it on a hijacked connection (ContainerExecAttach): stdin, stdout (and stderr) flow until the process ends.',
      zh: '在劫持的连接上启动(ContainerExecAttach):stdin、stdout(和 stderr)一直流到进程结束。',
    },
    line: [
      at(EXEC, 120, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 138, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  resizeExec: {
    method: 'ResizeExecTTY',
    purpose: {
      en: 'HandleResizing: each size from kubectl’s resize stream becomes an exec resize (1.4 only).',
      zh: 'HandleResizing:kubectl resize 流里的每个尺寸都变成一次 exec resize(仅 1.4)。',
    },
    line: [null, at(EXEC, 128, 'NativeExecHandler.ExecInContainer')],
  },
  inspectExec: {
    method: 'InspectExec',
    purpose: {
      en: 'After the stream ends: the exit code (polled every 2 s, at most 5 times, while still running).',
      zh: '流结束后:取退出码(若仍在运行,每 2 秒轮询,最多 5 次)。',
    },
    line: [
      at(EXEC, 128, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 147, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  attach: {
    method: 'AttachToContainer',
    purpose: {
      en: 'Attach on a hijacked connection; no inspect before or after, and no stderr with a TTY.',
      zh: '在劫持的连接上 attach;前后都不 inspect,有 TTY 时没有 stderr。',
    },
    line: [at(DM, 1093, 'DockerManager.AttachContainer'), at(DM, 1260, 'AttachContainer')],
  },
  resizeContainer: {
    method: 'ResizeContainerTTY',
    purpose: {
      en: 'HandleResizing: each size from kubectl’s resize stream becomes a container resize (1.4 only).',
      zh: 'HandleResizing:kubectl resize 流里的每个尺寸都变成一次容器 resize(仅 1.4)。',
    },
    line: [null, at(DM, 1244, 'AttachContainer')],
  },
  logs: {
    method: 'Logs',
    purpose: {
      en: 'kubectl logs: the container id comes from the pod status cache, so this is the only call.',
      zh: 'kubectl logs:容器 id 来自 Pod 状态缓存,所以只有这一个调用。',
    },
    line: [at(DM, 312, 'DockerManager.GetContainerLogs'), at(DM, 321, 'GetContainerLogs')],
  },
  inspectPortForward: {
    method: 'InspectContainer',
    purpose: {
      en: 'Port-forward: the infra container’s PID; nsenter and socat do the rest on the host, without Docker.',
      zh: '端口转发:取 infra 容器的 PID;其余由主机上的 nsenter 和 socat 完成,不经过 Docker。',
    },
    line: [at(DM, 1113, 'DockerManager.PortForward'), at(DM, 1280, 'DockerManager.PortForward')],
  },
  inspectGc: {
    method: 'InspectContainer',
    purpose: {
      en: 'Container GC: every listed container is inspected (running ones too) for its state and creation time.',
      zh: '容器 GC:每个列出的容器都要 inspect(包括运行中的),取状态和创建时间。',
    },
    line: [
      at(GC, 142, 'containerGC.evictableContainers'),
      at(GC, 134, 'containerGC.evictableContainers'),
    ],
  },
  removeGc: {
    method: 'RemoveContainer',
    purpose: {
      en: 'Container GC removes a dead container beyond the policy (and its volumes).',
      zh: '容器 GC 删除超出策略的已退出容器(连同卷)。',
    },
    line: [at(GC, 114, 'containerGC.removeOldestN'), at(GC, 250, 'containerGC.removeContainer')],
  },
  inspectDelete: {
    method: 'InspectContainer',
    purpose: {
      en: 'podContainerDeletor (1.4): inspect a dead container before deleting it right after a restart.',
      zh: 'podContainerDeletor(1.4):重启后立即删除旧容器前先 inspect。',
    },
    line: [null, at(GC, 262, 'containerGC.deleteContainer')],
  },
  statsListImages: {
    method: 'ListImages',
    purpose: {
      en: 'ImageStats (stats summary, eviction): the images, to add up their layers.',
      zh: 'ImageStats(stats summary、驱逐):列出镜像,累加各层大小。',
    },
    line: [
      at(IMAGES, 49, 'imageStatsProvider.ImageStats'),
      at(IMAGES, 49, 'imageStatsProvider.ImageStats'),
    ],
  },
  statsHistory: {
    method: 'ImageHistory',
    purpose: {
      en: 'ImageStats: the layers of an image not seen before (cached afterwards), so shared layers count once.',
      zh: 'ImageStats:没见过的镜像取其历史层(之后缓存),共享层只算一次。',
    },
    line: [
      at(IMAGES, 67, 'imageStatsProvider.ImageStats'),
      at(IMAGES, 67, 'imageStatsProvider.ImageStats'),
    ],
  },
  inspectImageGc: {
    method: 'InspectImage',
    purpose: {
      en: 'Image GC (1.4): an image with several tags is removed tag by tag, so its tags are read first.',
      zh: '镜像 GC(1.4):有多个标签的镜像逐个标签删除,所以先读标签。',
    },
    line: [null, at(DM, 916, 'DockerManager.RemoveImage')],
  },
  removeImage: {
    method: 'RemoveImage',
    purpose: {
      en: 'Image GC removes an unused image by its ID (1.3 sends noprune=1; 1.4 prunes untagged parents).',
      zh: '镜像 GC 按 ID 删除未使用的镜像(1.3 带 noprune=1;1.4 同时清理无标签的父镜像)。',
    },
    line: [at(DM, 864, 'DockerManager.RemoveImage'), at(DM, 925, 'DockerManager.RemoveImage')],
  },
  removeImageTag: {
    method: 'RemoveImage',
    purpose: {
      en: 'Image GC (1.4): one of the image’s several tags.',
      zh: '镜像 GC(1.4):镜像多个标签中的一个。',
    },
    line: [null, at(DM, 918, 'DockerManager.RemoveImage')],
  },
} satisfies Record<string, SiteSpec>

export type SiteId = keyof typeof SPECS

/** The site as the release has it, or undefined when the release never makes this call. */
export function siteOf(release: Release, id: SiteId): Site | undefined {
  const spec: SiteSpec = SPECS[id]
  const index = release === '1.3' ? 0 : 1
  const line = spec.line[index]
  if (!line) return undefined
  const via = spec.via?.[index]
  return via
    ? { method: spec.method, line, via, purpose: spec.purpose }
    : { method: spec.method, line, purpose: spec.purpose }
}
