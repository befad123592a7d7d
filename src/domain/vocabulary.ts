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
