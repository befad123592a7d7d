import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/_ping`, `/version`, `/info`, `/events`, `/auth` (API 1.24 "Misc"). */
export const systemSegments = ['_ping', 'version', 'info', 'events', 'auth'] as const

export function systemHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, systemSegments)]
}
