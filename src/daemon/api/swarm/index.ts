/**
 * Swarm mode routes, one file per resource (swarm, nodes, services, tasks) and the manager
 * check they share; `api/handlers.ts` maps the endpoint ids to these.
 * @see moby api/server/router/swarm/cluster_routes.go at v1.12.6
 */

export { nodeDelete, nodeInspect, nodeList, nodeUpdate } from './nodes.ts'
export {
  serviceCreate,
  serviceDelete,
  serviceInspect,
  serviceList,
  serviceUpdate,
} from './services.ts'
export { init, inspect, join, leave, update } from './swarm.ts'
export { taskInspect, taskList } from './tasks.ts'
