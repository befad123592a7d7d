import type { RequestHandler } from 'msw'
import type { Daemon } from '../../daemon/index.ts'
import type { DaemonBase } from './base-url.ts'
import { resourceHandler } from './route.ts'

/** `/images/...`, `/build` and `/commit` (API 1.24 "Images"). */
export const imagesSegments = ['images', 'build', 'commit'] as const

export function imagesHandlers(daemon: Daemon, base: DaemonBase): RequestHandler[] {
  return [resourceHandler(daemon, base, imagesSegments)]
}
