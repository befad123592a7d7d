import { at, DM, DOCKER, type SiteSpec } from './common.ts'

/** A pod’s containers: the puller, create, start, the inspects around them, and the kills. */
export const PODS_SITES = {
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
      en: 'A pull that returned no error is not trusted: the image must now inspect, or the pull counts as failed.',
      zh: '拉取没报错也不轻信:镜像必须能 inspect 到,否则算拉取失败。',
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
} satisfies Record<string, SiteSpec>
