/**
 * The closed sets of names the data uses, without zod: the schemas build their enums from these,
 * and the browser bundle (URL parsing, filters) uses them without loading zod.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'] as const

/** Grouped by the resource in the path, as docker-api-facts.md describes. */
export const ENDPOINT_GROUPS = [
  'containers',
  'images',
  'exec',
  'misc',
  'volumes',
  'networks',
  'plugins',
  'nodes',
  'swarm',
  'services',
  'tasks',
] as const

/**
 * The kubelet model's operation ids, one list for the data schema (data/kubelet/), the URL
 * state and the view; src/features/kubelet/kubelet-url.test.ts keeps it equal to the model's
 * OPERATIONS.
 * Here, not in src/kubelet, so the first page's URL parsing does not load the model.
 */
export const KUBELET_OPERATIONS = [
  'kubelet-start',
  'runtime-status',
  'node-status',
  'housekeeping',
  'pleg-relist',
  'pod-start',
  'pod-delete',
  'container-restart',
  'liveness-restart',
  'logs',
  'exec',
  'exec-it',
  'attach-it',
  'port-forward',
  'container-gc',
  'image-gc',
  'stats-summary',
] as const
