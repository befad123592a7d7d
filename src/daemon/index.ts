/**
 * A pure TypeScript Docker Engine 1.12.6 (Remote API 1.24): request in, response out.
 * No React, MSW, DOM or node:http here; adapters live in src/mocks/ and src/server/.
 */
export type { Ctx, Handler } from './api/context'
export { cleanPath } from './api/dispatch'
export {
  type CompiledRoute,
  compileRoute,
  type EndpointGroup,
  type RouteInfo,
  routes,
} from './api/routes'
export { createDaemon, type Daemon, type SimulatedDaemon } from './daemon'
export { DaemonError, KEYWORD_STATUS, statusFromMessage } from './errors'
export {
  type ContainerSummary,
  type ExecSummary,
  type ImageSummary,
  kindOfId,
  listContainers,
  listExecs,
  listImages,
  newestContainer,
  newestExec,
} from './queries'
export type * from './state'
export {
  DAEMON_STDIN_HEADER,
  type DaemonOptions,
  type DaemonRequest,
  type DaemonResponse,
  type DockerVersion,
  type StdinSession,
} from './types'
export {
  API_VERSION_OF,
  compareVersions,
  DOCKER_VERSIONS,
  isDockerVersion,
  MIN_API_VERSION,
} from './version'
