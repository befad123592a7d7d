import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/volumes/...` (API 1.24 "Volumes"). */
export const volumesSegments = ['volumes'] as const

export function volumesHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, volumesSegments)]
}
