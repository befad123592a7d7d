import { engineApi } from './engine-api.ts'
import { type SiteId, siteOf } from './sites.ts'
import type {
  DockerRequest,
  DockerResponse,
  KubeletCall,
  OperationId,
  Release,
  Transport,
} from './types.ts'

/** Maps DockerInterface methods to data/endpoints-1.24.json ids (Docker's operationIds). */
const ENDPOINT_OF = {
  ListContainers: 'ContainerList',
  InspectContainer: 'ContainerInspect',
  CreateContainer: 'ContainerCreate',
  StartContainer: 'ContainerStart',
  StopContainer: 'ContainerStop',
  RemoveContainer: 'ContainerDelete',
  InspectImage: 'ImageInspect',
  ListImages: 'ImageList',
  PullImage: 'ImageCreate',
  RemoveImage: 'ImageDelete',
  ImageHistory: 'ImageHistory',
  Logs: 'ContainerLogs',
  Version: 'SystemVersion',
  Info: 'SystemInfo',
  CreateExec: 'ContainerExec',
  StartExec: 'ExecStart',
  InspectExec: 'ExecInspect',
  AttachToContainer: 'ContainerAttach',
  ResizeContainerTTY: 'ContainerResize',
  ResizeExecTTY: 'ExecResize',
} as const

/** An answer the kubelet treats as an error (engine-api returns an error for status ≥ 400). */
export class DockerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'DockerError'
  }
}

/** The transport failed (no answer at all). */
export class TransportError extends Error {
  override name = 'TransportError'
}

export interface ClientOptions {
  release: Release
  transport: Transport
  now: () => number
  onCall: (call: KubeletCall) => void
}

type Built = ReturnType<(typeof engineApi)[keyof typeof engineApi]>

/**
 * kubeDockerClient as the model has it: sends one engine-api request for a DockerInterface
 * method at a site of the kubelet, records the call, and turns a status ≥ 400 into a
 * DockerError (engine-api's error), as the Go client does.
 */
export class KubeClient {
  private seq = 0
  /** The operation the calls belong to, and whether they only set the stage. */
  operation: OperationId = 'kubelet-start'
  setup = false

  constructor(private readonly options: ClientOptions) {}

  get release(): Release {
    return this.options.release
  }

  /** Sends `built` at `site`; resolves with the answer, rejects with DockerError/TransportError. */
  async send(site: SiteId, built: Built): Promise<DockerResponse> {
    const where = siteOf(this.options.release, site)
    if (!where) throw new Error(`kubelet ${this.options.release} has no call site ${site}`)
    if (where.method !== built.method) {
      throw new Error(`site ${site} calls ${where.method}, not ${built.method}`)
    }
    const request = built.request
    const seq = this.seq++
    const at = this.options.now()
    let response: DockerResponse | undefined
    let failure: unknown
    try {
      response = await this.options.transport(request)
    } catch (error) {
      failure = error
    }
    const call: KubeletCall = {
      seq,
      release: this.options.release,
      operation: this.operation,
      method: request.method,
      path: request.path,
      query: request.query,
      endpointId: ENDPOINT_OF[built.method],
      dockerMethod: built.method,
      clientCall: built.clientCall,
      source: where.line,
      ...(where.via ? { via: where.via } : {}),
      sourceRef: `${where.line.file}:${where.line.line}`,
      purpose: where.purpose,
      bodySummary: summarizeBody(request),
      status: response ? response.status : null,
      at,
      durationMs: Math.max(0, this.options.now() - at),
      setup: this.setup,
    }
    this.options.onCall(call)
    if (!response) {
      throw new TransportError(failure instanceof Error ? failure.message : String(failure))
    }
    if (response.status >= 400) {
      response.stream?.close()
      throw new DockerError(response.status, errorMessage(response.body))
    }
    return response
  }
}

/** `{"message": …}` as Docker 1.12 writes errors, or the text itself. */
function errorMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      return String((parsed as { message: unknown }).message)
    }
  } catch {
    // not JSON: Docker 1.12 answers some errors as plain text
  }
  return body.trim()
}

/** The body's keys that matter to a reader, e.g. `Cmd=["sh"] Tty=true AttachStderr=false`. */
function summarizeBody(request: DockerRequest): string {
  if (request.body === undefined) return ''
  let parsed: unknown
  try {
    parsed = JSON.parse(request.body)
  } catch {
    return `${request.body.length} bytes`
  }
  if (!parsed || typeof parsed !== 'object') return ''
  const body = parsed as Record<string, unknown>
  const keys = [
    'Image',
    'Entrypoint',
    'Cmd',
    'Tty',
    'OpenStdin',
    'AttachStdin',
    'AttachStdout',
    'AttachStderr',
    'Detach',
  ]
  const parts = keys.filter((k) => k in body).map((k) => `${k}=${JSON.stringify(body[k])}`)
  const host = body.HostConfig
  if (host && typeof host === 'object') {
    const h = host as Record<string, unknown>
    for (const k of ['NetworkMode', 'IpcMode']) {
      if (typeof h[k] === 'string' && h[k] !== '') parts.push(`HostConfig.${k}=${String(h[k])}`)
    }
  }
  return parts.join(' ')
}

/** JSON of a whole answer; DockerError 502-like when the daemon sent something else. */
export function json<T>(response: DockerResponse): T {
  return JSON.parse(response.body) as T
}

export { engineApi }
