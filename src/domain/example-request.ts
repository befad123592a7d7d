import type { Endpoint } from './schemas/endpoints.ts'

/** An endpoint's example exchange, as a request one can send again. */
export interface ExampleRequest {
  method: string
  path: string
  body: string
  /** '' when the example sends none. */
  contentType: string
  /** What the learner has to create first for the path to name something (null: nothing). */
  needs: 'container' | 'exec' | null
}

/** Ids (or names) of what the learner made last, to put in place of the reference's samples. */
export interface LiveIds {
  container?: string
  exec?: string
}

/**
 * Example ids in the reference ("4fa6e0f0c678") stand for "the container you just created",
 * whether the path goes on (`/json`), takes a query (`?v=1&force=1`) or ends; ImageCommit names
 * its container in the query (`/commit?container=44c004db4b17`). Exec examples carry the full id
 * the ContainerExec example creates: the daemon finds exec instances by full id only.
 */
const EXAMPLE_CONTAINER = /^(\/containers\/)[0-9a-f]{12}(?=[/?]|$)/
const EXAMPLE_CONTAINER_QUERY = /([?&]container=)[0-9a-f]{12}(?=&|$)/
const EXAMPLE_EXEC = /^(\/exec\/)[0-9a-f]{12}(?:[0-9a-f]{52})?(?=[/?]|$)/

/**
 * Turns an endpoint's example exchange ("POST /path HTTP/1.1", headers, blank line, body) into
 * a request the simulated daemon can answer: the example's container becomes the newest one the
 * learner made (or "web", the one the ContainerCreate example makes), its exec instance the
 * newest one; `needs` says when there is none yet.
 */
export function exampleRequest(endpoint: Endpoint, live: LiveIds = {}): ExampleRequest {
  const [head = '', ...rest] = endpoint.example.request.split(/\r?\n\r?\n/)
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/)
  const [method = endpoint.method, rawPath = endpoint.path] = requestLine.split(' ')
  const contentType =
    headerLines
      .map((line) => /^content-type:\s*(.+)$/i.exec(line)?.[1]?.trim() ?? '')
      .find(Boolean) ?? ''
  let needs: ExampleRequest['needs'] = null
  const namesContainer = EXAMPLE_CONTAINER.test(rawPath) || EXAMPLE_CONTAINER_QUERY.test(rawPath)
  if (namesContainer && live.container === undefined) needs = 'container'
  if (EXAMPLE_EXEC.test(rawPath) && live.exec === undefined) needs = 'exec'
  const container = encodeURIComponent(live.container ?? 'web')
  let path = rawPath
    .replace(EXAMPLE_CONTAINER, `$1${container}`)
    .replace(EXAMPLE_CONTAINER_QUERY, `$1${container}`)
  if (live.exec) path = path.replace(EXAMPLE_EXEC, `$1${live.exec}`)
  return { method, path, body: rest.join('\n\n').trim(), contentType, needs }
}
