import { oneOf } from '../url-codec.ts'
import {
  CONTENT_TYPES,
  DEFAULT_REQUEST,
  PLAYGROUND_METHODS,
  type PlaygroundRequest,
  requestPath,
} from './client-request.ts'

// Apart from the request's vocabulary: the first page reads links with that, and never needs this.
/** An example request (any strings) as playground state: unknown methods and types fall back. */
export function toPlaygroundRequest(example: {
  method: string
  path: string
  body: string
  contentType: string
}): PlaygroundRequest {
  return {
    method: oneOf(PLAYGROUND_METHODS, example.method, DEFAULT_REQUEST.method),
    path: requestPath(example.path),
    body: example.body,
    contentType: oneOf(CONTENT_TYPES, example.contentType, DEFAULT_REQUEST.contentType),
  }
}
