/**
 * A request as the playground edits it and a lesson step or an endpoint's example hands it to
 * the playground: the methods and content types its form offers.
 */
export const PLAYGROUND_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'] as const
export type PlaygroundMethod = (typeof PLAYGROUND_METHODS)[number]
export const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-tar', ''] as const
export type PlaygroundContentType = (typeof CONTENT_TYPES)[number]

export interface PlaygroundRequest {
  method: PlaygroundMethod
  /** Daemon path with query, e.g. /v1.24/containers/json?all=1. */
  path: string
  body: string
  /** Content-Type sent with a body ('' = none): Docker 1.12 insists on JSON for most bodies. */
  contentType: PlaygroundContentType
}

export const DEFAULT_REQUEST: PlaygroundRequest = {
  method: 'GET',
  path: '/v1.24/version',
  body: '',
  contentType: 'application/json',
}

/** Any absolute path is a fair request to send to the simulated daemon; nothing else is. */
export function requestPath(value: string | null): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//'))
    return DEFAULT_REQUEST.path
  return value.slice(0, 2000)
}
