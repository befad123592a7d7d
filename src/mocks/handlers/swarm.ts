import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/swarm`, `/nodes`, `/services`, `/tasks`: swarm mode, new in Docker 1.12 (API 1.24). */
export const swarmSegments = ['swarm', 'nodes', 'services', 'tasks'] as const

export function swarmHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, swarmSegments)]
}
