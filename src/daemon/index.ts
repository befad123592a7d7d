/**
 * A pure TypeScript Docker Engine 1.12.6 (Remote API 1.24): request in, response out.
 * No React, MSW, DOM or node:http here; adapters live in src/mocks/ and src/server/.
 */
export { goJSON } from './api/http.ts'
export { compileRoute, routes } from './api/routes.ts'
export { createDaemon, type Daemon, type SimulatedDaemon } from './daemon.ts'
export {
  kindOfId,
  listContainers,
  listExecs,
  listImages,
  newestContainer,
  newestExec,
} from './model/queries.ts'
export type * from './model/state.ts'
export {
  DAEMON_STDIN_HEADER,
  type DaemonRequest,
  type DaemonResponse,
  type DockerVersion,
  type StdinSession,
} from './types.ts'
export { API_VERSION_OF, DOCKER_VERSIONS, isDockerVersion } from './version.ts'
export { concat } from './wire/bytes.ts'
export { demux } from './wire/stdcopy.ts'
