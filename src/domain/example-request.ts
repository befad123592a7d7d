import type { Endpoint } from './schemas/endpoints'

/** An endpoint's example exchange, as a request one can send again. */
export interface ExampleRequest {
  method: string
  path: string
  body: string
  /** '' when the example sends none. */
  contentType: string
}

/** Example ids in the reference ("4fa6e0f0c678") stand for "the container you just created". */
const EXAMPLE_CONTAINER = /^(\/containers\/)[0-9a-f]{12}(?=\/|$)/
const EXAMPLE_EXEC = /^(\/exec\/)[0-9a-f]{12}(?=\/|$)/

/**
 * Turns an endpoint's example exchange ("POST /path HTTP/1.1", headers, blank line, body) into
 * a request the simulated daemon can answer: the example's container becomes the one the
 * ContainerCreate example makes ("web"), its exec instance the newest one the learner made.
 */
export function exampleRequest(endpoint: Endpoint, latestExecId?: string): ExampleRequest {
  const [head = '', ...rest] = endpoint.example.request.split(/\r?\n\r?\n/)
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/)
  const [method = endpoint.method, rawPath = endpoint.path] = requestLine.split(' ')
  const contentType =
    headerLines
      .map((line) => /^content-type:\s*(.+)$/i.exec(line)?.[1]?.trim() ?? '')
      .find(Boolean) ?? ''
  let path = rawPath.replace(EXAMPLE_CONTAINER, '$1web')
  if (latestExecId) path = path.replace(EXAMPLE_EXEC, `$1${latestExecId}`)
  return { method, path, body: rest.join('\n\n').trim(), contentType }
}
