/**
 * Container routes, one file per concern; `api/handlers.ts` maps the endpoint ids to these.
 * @see moby api/server/router/container/container_routes.go and daemon/*.go at v1.12.6
 */

export { commit } from './commit.ts'
export { create } from './create.ts'
export {
  archiveGet,
  archiveHead,
  archivePut,
  changes,
  copy,
  exportContainer,
} from './filesystem.ts'
export { inspect } from './inspect.ts'
export { kill, pause, remove, rename, restart, start, stop, unpause, wait } from './lifecycle.ts'
export { list } from './list.ts'
export { attach, attachWebsocket, logs } from './logs.ts'
export { resize } from './resize.ts'
export { stats } from './stats.ts'
export { top } from './top.ts'
export { update } from './update.ts'
