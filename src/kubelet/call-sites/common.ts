import type { DockerMethod, Purpose, SourceLine } from '../types.ts'

export const DM = 'pkg/kubelet/dockertools/docker_manager.go'
export const DOCKER = 'pkg/kubelet/dockertools/docker.go'
export const EXEC = 'pkg/kubelet/dockertools/exec.go'
export const GC = 'pkg/kubelet/dockertools/container_gc.go'
export const IMAGES = 'pkg/kubelet/dockertools/images.go'
export const PLEG = 'pkg/kubelet/pleg/generic.go'

export const at = (file: string, line: number, func: string): SourceLine => ({ file, line, func })

/** A call site in both releases: [v1.3.0, v1.4.0], null where the release has no such call. */
export type SiteSpec = {
  method: DockerMethod
  purpose: Purpose
  line: readonly [SourceLine | null, SourceLine | null]
  via?: readonly [SourceLine | null, SourceLine | null]
}
