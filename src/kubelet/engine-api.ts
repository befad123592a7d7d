import type { DockerMethod, DockerRequest, TermSize } from './types.ts'

/**
 * The requests docker/engine-api builds for each DockerInterface method, as the kubelet calls
 * them through kubeDockerClient (pkg/kubelet/dockertools/kube_docker_client.go). Both releases
 * vendor engine-api v0.3.1: 1.3 at 3d72d392, 1.4 at dea108d3; their client/*.go differ only in
 * ContainerLogs (`details`, never set by the kubelet), ImagePull's `All` and ImageSearch, so one
 * builder serves both.
 *
 * engine-api quirks that show on the wire (read at those revisions):
 * - ContainerList sends `limit=0`: it skips `limit` only when Limit is -1, and the kubelet
 *   leaves it at Go's zero (client/container_list.go).
 * - ImageInspectWithRaw(ctx, image, true) adds `size=1` (client/image_inspect.go).
 * - ImageRemove adds `noprune=1` unless PruneChildren is set (client/image_remove.go): 1.3's
 *   RemoveImage passes empty options, 1.4's passes PruneChildren: true.
 * - ContainerLogs always sends `tail`, empty when unset (client/container_logs.go).
 * - ImagePull sends the X-Registry-Auth header, base64("{}\n") without credentials.
 * - Paths have no /v1.xx prefix: the client is made with version "" (docker.go getDockerClient).
 */

/** Go's encoding/json of types.ExecConfig (engine-api types/configs.go), field order kept. */
export function execConfigBody(config: {
  tty: boolean
  attachStdin: boolean
  attachStdout: boolean
  attachStderr: boolean
  detach?: boolean
  cmd: string[] | null
}): string {
  return JSON.stringify({
    User: '',
    Privileged: false,
    Tty: config.tty,
    AttachStdin: config.attachStdin,
    AttachStderr: config.attachStderr,
    AttachStdout: config.attachStdout,
    Detach: config.detach ?? false,
    DetachKeys: '',
    Cmd: config.cmd,
  })
}

/** base64 of `{}` + newline: json.NewEncoder(buf).Encode(AuthConfig{}) (kube_docker_client.go base64EncodeAuth). */
const EMPTY_REGISTRY_AUTH = 'e30K'

/** reference.Parse as ImagePull uses it: the repository, and the tag after the last ':' that follows the last '/'. */
export function splitImageReference(ref: string): { repository: string; tag: string } {
  const at = ref.indexOf('@')
  if (at >= 0) return { repository: ref.slice(0, at), tag: ref.slice(at + 1) }
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) }
  return { repository: ref, tag: '' }
}

/** docker.go applyDefaultImageTag: a reference without tag or digest gets `:latest`. */
export function withDefaultTag(image: string): string {
  return splitImageReference(image).tag === '' ? `${image}:latest` : image
}

type Build = { method: DockerMethod; clientCall: string; request: DockerRequest }

const get = (path: string, query: Record<string, string> = {}): DockerRequest => ({
  method: 'GET',
  path,
  query,
  headers: {},
})

export const engineApi = {
  listContainers(all: boolean): Build {
    const query: Record<string, string> = all ? { all: '1', limit: '0' } : { limit: '0' }
    return {
      method: 'ListContainers',
      clientCall: 'ContainerList',
      request: get('/containers/json', query),
    }
  },
  inspectContainer(id: string): Build {
    return {
      method: 'InspectContainer',
      clientCall: 'ContainerInspect',
      request: get(`/containers/${id}/json`),
    }
  },
  createContainer(name: string, body: unknown): Build {
    return {
      method: 'CreateContainer',
      clientCall: 'ContainerCreate',
      request: {
        method: 'POST',
        path: '/containers/create',
        query: { name },
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    }
  },
  startContainer(id: string): Build {
    return {
      method: 'StartContainer',
      clientCall: 'ContainerStart',
      request: { method: 'POST', path: `/containers/${id}/start`, query: {}, headers: {} },
    }
  },
  stopContainer(id: string, timeout: number): Build {
    return {
      method: 'StopContainer',
      clientCall: 'ContainerStop',
      request: {
        method: 'POST',
        path: `/containers/${id}/stop`,
        query: { t: String(timeout) },
        headers: {},
      },
    }
  },
  /** Every kubelet caller passes RemoveVolumes: true (container_gc.go, docker_manager.go). */
  removeContainer(id: string): Build {
    return {
      method: 'RemoveContainer',
      clientCall: 'ContainerRemove',
      request: { method: 'DELETE', path: `/containers/${id}`, query: { v: '1' }, headers: {} },
    }
  },
  inspectImage(image: string): Build {
    return {
      method: 'InspectImage',
      clientCall: 'ImageInspectWithRaw',
      request: get(`/images/${image}/json`, { size: '1' }),
    }
  },
  listImages(): Build {
    return { method: 'ListImages', clientCall: 'ImageList', request: get('/images/json') }
  },
  pullImage(image: string): Build {
    const { repository, tag } = splitImageReference(image)
    const query: Record<string, string> = { fromImage: repository }
    if (tag !== '') query.tag = tag
    return {
      method: 'PullImage',
      clientCall: 'ImagePull',
      request: {
        method: 'POST',
        path: '/images/create',
        query,
        headers: { 'x-registry-auth': EMPTY_REGISTRY_AUTH },
        mode: 'stream',
      },
    }
  },
  removeImage(image: string, pruneChildren: boolean): Build {
    return {
      method: 'RemoveImage',
      clientCall: 'ImageRemove',
      request: {
        method: 'DELETE',
        path: `/images/${image}`,
        query: pruneChildren ? {} : { noprune: '1' },
        headers: {},
      },
    }
  },
  imageHistory(id: string): Build {
    return {
      method: 'ImageHistory',
      clientCall: 'ImageHistory',
      request: get(`/images/${id}/history`),
    }
  },
  logs(
    id: string,
    options: { since: string; timestamps: boolean; follow: boolean; tail: string },
  ): Build {
    const query: Record<string, string> = { stdout: '1', stderr: '1', since: options.since }
    if (options.timestamps) query.timestamps = '1'
    if (options.follow) query.follow = '1'
    query.tail = options.tail
    return {
      method: 'Logs',
      clientCall: 'ContainerLogs',
      request: { ...get(`/containers/${id}/logs`, query), mode: 'stream' },
    }
  },
  version(): Build {
    return { method: 'Version', clientCall: 'ServerVersion', request: get('/version') }
  },
  info(): Build {
    return { method: 'Info', clientCall: 'Info', request: get('/info') }
  },
  createExec(containerId: string, body: string): Build {
    return {
      method: 'CreateExec',
      clientCall: 'ContainerExecCreate',
      request: {
        method: 'POST',
        path: `/containers/${containerId}/exec`,
        query: {},
        headers: { 'content-type': 'application/json' },
        body,
      },
    }
  },
  /** StartExec with Detach false: ContainerExecAttach, a hijacked POST (kube_docker_client.go StartExec). */
  startExec(execId: string, tty: boolean): Build {
    return {
      method: 'StartExec',
      clientCall: 'ContainerExecAttach',
      request: {
        method: 'POST',
        path: `/exec/${execId}/start`,
        query: {},
        headers: { 'content-type': 'application/json', connection: 'Upgrade', upgrade: 'tcp' },
        body: execConfigBody({
          tty,
          attachStdin: false,
          attachStdout: false,
          attachStderr: false,
          cmd: null,
        }),
        mode: 'hijack',
      },
    }
  },
  inspectExec(execId: string): Build {
    return {
      method: 'InspectExec',
      clientCall: 'ContainerExecInspect',
      request: get(`/exec/${execId}/json`),
    }
  },
  attach(id: string, streams: { stdin: boolean; stdout: boolean; stderr: boolean }): Build {
    const query: Record<string, string> = { stream: '1' }
    if (streams.stdin) query.stdin = '1'
    if (streams.stdout) query.stdout = '1'
    if (streams.stderr) query.stderr = '1'
    return {
      method: 'AttachToContainer',
      clientCall: 'ContainerAttach',
      request: {
        method: 'POST',
        path: `/containers/${id}/attach`,
        query,
        headers: { 'content-type': 'text/plain', connection: 'Upgrade', upgrade: 'tcp' },
        mode: 'hijack',
      },
    }
  },
  resizeExec(execId: string, size: TermSize): Build {
    return {
      method: 'ResizeExecTTY',
      clientCall: 'ContainerExecResize',
      request: {
        method: 'POST',
        path: `/exec/${execId}/resize`,
        query: { h: String(size.height), w: String(size.width) },
        headers: {},
      },
    }
  },
  resizeContainer(id: string, size: TermSize): Build {
    return {
      method: 'ResizeContainerTTY',
      clientCall: 'ContainerResize',
      request: {
        method: 'POST',
        path: `/containers/${id}/resize`,
        query: { h: String(size.height), w: String(size.width) },
        headers: {},
      },
    }
  },
} as const
