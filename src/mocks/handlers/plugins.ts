import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/plugins/...`: experimental in Docker 1.12 (API 1.24 "Plugins"). */
export const pluginsSegments = ['plugins'] as const

export function pluginsHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, pluginsSegments)]
}
