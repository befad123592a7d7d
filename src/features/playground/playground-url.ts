import {
  type DockerVersion,
  DOCKER_VERSIONS as SIMULATED_DOCKER_VERSIONS,
} from '../../daemon/index.ts'
import {
  CONTENT_TYPES,
  DEFAULT_REQUEST,
  PLAYGROUND_METHODS,
  type PlaygroundRequest,
  requestPath,
} from '../../lib/daemon-client/client-request.ts'
import { choiceField, fieldCodec } from '../../lib/url-codec.ts'
import { merge, type ViewCodec } from '../../lib/view-link.ts'

/** The playground's version choices, newest first (the daemon's list, src/daemon/version.ts). */
export const DOCKER_VERSIONS: readonly DockerVersion[] = [...SIMULATED_DOCKER_VERSIONS].reverse()

/** The request being edited in the playground, so a lesson or a bug report is one link. */
export interface PlaygroundState extends PlaygroundRequest {
  docker: DockerVersion
}

/** Request bodies in links stay well under what browsers and servers accept in a URL. */
export const MAX_LINK_BODY = 4000

/** `?view=playground&m=POST&p=/v1.24/containers/create&b={…}&ct=…&docker=1.11.2`. */
export const playgroundUrl: ViewCodec<'playground', PlaygroundState> = {
  view: 'playground',
  ...fieldCodec<PlaygroundState>({
    method: choiceField('m', PLAYGROUND_METHODS, DEFAULT_REQUEST.method),
    path: { key: 'p', read: requestPath },
    body: {
      key: 'b',
      read: (value) => (value ?? '').slice(0, MAX_LINK_BODY),
      // A body too long for a link is left out whole rather than cut into invalid JSON.
      write: (body) => (body.length <= MAX_LINK_BODY ? body : null),
    },
    contentType: choiceField('ct', CONTENT_TYPES, DEFAULT_REQUEST.contentType),
    docker: choiceField('docker', DOCKER_VERSIONS, '1.12.6'),
  }),
  open: merge,
}

export const DEFAULT_PLAYGROUND: PlaygroundState = playgroundUrl.defaults
