import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/containers/...`: list, create, inspect, start/stop/kill, logs, attach, resize, exec create … (API 1.24 "Containers"). */
export const containersSegments = ['containers'] as const

export function containersHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, containersSegments)]
}
