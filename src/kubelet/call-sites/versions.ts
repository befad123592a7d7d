import { at, DM, type SiteSpec } from './common.ts'

/** Start, runtime and node status, and every GET /version (DockerManager.APIVersion / Version). */
export const VERSIONS_SITES = {
  startInfo: {
    method: 'Info',
    purpose: {
      en: 'NewDockerManager asks Info once, for DockerRootDir (on an error it logs and assumes /var/lib/docker).',
      zh: 'NewDockerManager 调用一次 Info,取 DockerRootDir(出错时记日志并假定 /var/lib/docker)。',
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
} satisfies Record<string, SiteSpec>
