import { at, DM, GC, IMAGES, type SiteSpec } from './common.ts'

/** Container GC, podContainerDeletor, image GC and ImageStats. */
export const GC_SITES = {
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
