import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/exec/{id}/start|resize|json`: exec instances (API 1.24 "Exec"). */
export const execSegments = ['exec'] as const

export function execHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, execSegments)]
}
