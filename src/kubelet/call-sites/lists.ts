import { at, DM, DOCKER, GC, PLEG, type SiteSpec } from './common.ts'

/** Every container list goes out from one function: its line at v1.3.0 and at v1.4.0. */
const GET_KUBELET_DOCKER_CONTAINERS: SiteSpec['line'] = [
  at(DOCKER, 378, 'GetKubeletDockerContainers'),
  at(DOCKER, 445, 'GetKubeletDockerContainers'),
]

/** Container and image lists: GetPods through GetKubeletDockerContainers, GetPodStatus, detectImages. */
export const LISTS_SITES = {
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
    via: [at(PLEG, 195, 'GenericPLEG.relist'), at(PLEG, 191, 'GenericPLEG.relist')],
  },
  containersRuntimeCache: {
    method: 'ListContainers',
    purpose: {
      en: 'Housekeeping (every 2 s): the runtime cache is older than its 2 s period, so it lists the running containers again.',
      zh: '清理(每 2 秒):运行时缓存已超过 2 秒有效期,于是重新列出运行中的容器。',
    },
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
    line: GET_KUBELET_DOCKER_CONTAINERS,
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
} satisfies Record<string, SiteSpec>
