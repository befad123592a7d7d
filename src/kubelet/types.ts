/**
 * The contract of the kubelet model: what it sends (a Docker API request), what it gets back,
 * and the record of each call it made. Pure types; no transport, no DOM, no node:*.
 */

/** The two kubelets modelled. Both speak to Docker through docker/engine-api. */
export type Release = '1.3' | '1.4'
export const RELEASES: readonly Release[] = ['1.3', '1.4']

/**
 * One request as engine-api builds it. The kubelet's client is created without an API
 * version (`dockerapi.NewClient(endpoint, "", nil, nil)`, docker.go getDockerClient), so
 * `path` carries no `/v1.xx` prefix.
 */
export interface DockerRequest {
  method: 'GET' | 'POST' | 'DELETE'
  /** Escaped as engine-api escapes it (ids and image names as they are, `/` kept). */
  path: string
  /** Decoded values. engine-api's url.Values.Encode() sends the keys sorted. */
  query: Readonly<Record<string, string>>
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>
  /** JSON text as Go's encoding/json writes it; absent for a request without a body. */
  body?: string
  /**
   * `hijack`: engine-api's postHijacked (attach, exec start not detached): the answer is a
   * two-way stream. `stream`: the answer body is read as it comes (logs -f, pull progress).
   */
  mode?: 'hijack' | 'stream'
}

/** Bytes of a streamed or hijacked answer, read as they come. */
export interface ByteStream {
  /** The next chunk, or null when the daemon ended the stream. */
  read(): Promise<Uint8Array | null>
  /** Hijacked only: bytes from the client (stdin). */
  write?(data: Uint8Array | string): void
  /** Hijacked only: the client closed its writing half (CloseWrite). */
  closeWrite?(): void
  /** The client hangs up (context cancelled). */
  close(): void
}

export interface DockerResponse {
  status: number
  headers: Readonly<Record<string, string>>
  /** The whole body for an ordinary call; '' when `stream` carries it. */
  body: string
  /** For `mode: 'stream' | 'hijack'` requests answered 200/101. */
  stream?: ByteStream
}

/**
 * How the model reaches a daemon: in-process simulated daemon, MSW in the browser, HTTP to
 * `npm run daemon`, or the real Docker. A rejected promise is a transport error (no answer).
 */
export type Transport = (request: DockerRequest) => Promise<DockerResponse>

/** A line of the kubelet at its release tag. */
export interface SourceLine {
  /** e.g. `pkg/kubelet/dockertools/docker_manager.go` */
  file: string
  line: number
  /** The Go function that holds the line, e.g. `DockerManager.ExecInContainer`. */
  func: string
}

/** DockerInterface methods (pkg/kubelet/dockertools/docker.go), the kubelet's vocabulary. */
export type DockerMethod =
  | 'ListContainers'
  | 'InspectContainer'
  | 'CreateContainer'
  | 'StartContainer'
  | 'StopContainer'
  | 'RemoveContainer'
  | 'InspectImage'
  | 'ListImages'
  | 'PullImage'
  | 'RemoveImage'
  | 'ImageHistory'
  | 'Logs'
  | 'Version'
  | 'Info'
  | 'CreateExec'
  | 'StartExec'
  | 'InspectExec'
  | 'AttachToContainer'
  | 'ResizeContainerTTY'
  | 'ResizeExecTTY'

/** Why a call is sent, in the UI's two languages (API identifiers untranslated). */
export interface Purpose {
  en: string
  zh: string
}

/** One call the kubelet sent, as it happened. */
export interface KubeletCall {
  /** 0, 1, 2 … within one kubelet instance. */
  seq: number
  release: Release
  /** The operation being run when the call was sent. */
  operation: OperationId
  method: DockerRequest['method']
  path: string
  query: Readonly<Record<string, string>>
  /** The endpoint id of data/endpoints-1.24.json (Docker's operationId), e.g. `ExecResize`. */
  endpointId: string
  /** The DockerInterface method the kubelet called. */
  dockerMethod: DockerMethod
  /** The engine-api client function that built the request, e.g. `ContainerExecCreate`. */
  clientCall: string
  /** The line at the tag that calls the DockerInterface method. */
  source: SourceLine
  /** The kubelet code that led to `source` when one call line serves several callers. */
  via?: SourceLine
  /** `pkg/kubelet/…go:LINE` */
  sourceRef: string
  purpose: Purpose
  /** A short summary of the request body (JSON keys that matter), or '' without a body. */
  bodySummary: string
  /** The answer's status, or null when the transport failed. */
  status: number | null
  /** Milliseconds on the kubelet's clock when the request was sent, and until the answer. */
  at: number
  durationMs: number
  /** True when the call only sets the stage for the operation (e.g. the pod-start before an exec). */
  setup: boolean
}

/** The operation ids (CLI, URL, tests, data/kubelet/*.json). */
export type OperationId =
  | 'kubelet-start'
  | 'runtime-status'
  | 'node-status'
  | 'housekeeping'
  | 'pleg-relist'
  | 'pod-start'
  | 'pod-delete'
  | 'container-restart'
  | 'liveness-restart'
  | 'logs'
  | 'exec'
  | 'exec-it'
  | 'attach-it'
  | 'port-forward'
  | 'container-gc'
  | 'image-gc'
  | 'stats-summary'

/** A terminal size as kubectl's term.Size sends it. */
export interface TermSize {
  height: number
  width: number
}
