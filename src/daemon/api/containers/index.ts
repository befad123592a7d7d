/**
 * Container routes, one file per concern; `api/handlers.ts` maps the endpoint ids to these.
 * @see moby api/server/router/container/container_routes.go and daemon/*.go at v1.12.6
 */

export { commit } from './commit'
export { create } from './create'
export {
  archiveGet,
  archiveHead,
  archivePut,
  changes,
  copy,
  exportContainer,
} from './filesystem'
export { inspect } from './inspect'
export { kill, pause, remove, rename, restart, start, stop, unpause, wait } from './lifecycle'
export { list } from './list'
export { attach, attachWebsocket, logs } from './logs'
export { resize } from './resize'
export { stats } from './stats'
export { top } from './top'
export { update } from './update'
