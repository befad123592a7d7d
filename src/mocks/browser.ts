import type { SetupWorker } from 'msw/browser'
import type { Daemon } from '../daemon/index.ts'
import { createHandlers } from './handlers/index.ts'

export interface StartDaemonWorkerOptions {
  daemon: Daemon
  /** Absolute (`http://docker.local`) or same-origin prefix (`/docker-api/`). */
  baseUrl: string
  /** Defaults to `mockServiceWorker.js` under Vite's `BASE_URL`, so a sub-path deployment works. */
  serviceWorkerUrl?: string
  quiet?: boolean
}

/**
 * Starts the service worker that serves the simulated daemon in the browser.
 * `msw/browser` is imported lazily so pages without the playground never load it; import
 * this module itself with `import('…/mocks/browser')` for the same reason.
 * Other requests (the app's own assets) are bypassed.
 */
export async function startDaemonWorker(options: StartDaemonWorkerOptions): Promise<SetupWorker> {
  const { setupWorker } = await import('msw/browser')
  const worker = setupWorker(...createHandlers(options.daemon, { baseUrl: options.baseUrl }))
  await worker.start({
    serviceWorker: {
      // The production build's sw.js is the offline cache with MSW's worker imported into it
      // (scripts/service-worker.ts); the dev server has only MSW's own worker.
      url:
        options.serviceWorkerUrl ??
        `${import.meta.env.BASE_URL}${import.meta.env.PROD ? 'sw.js' : 'mockServiceWorker.js'}`,
    },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  })
  return worker
}
