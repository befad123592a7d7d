import type { DockerVersion } from '../../daemon/index.ts'
import {
  type DaemonSession,
  DaemonSwitch,
  makeSession,
  openDaemon,
  type Transport,
} from './daemon-session.ts'
import { inPageFetch } from './in-page-fetch.ts'

// The daemon answers under the app's own path (e.g. /explorer/docker-api/), so the service
// worker's scope covers it and no cross-origin rules apply.
const baseUrl = () => new URL('docker-api/', document.baseURI).href

/**
 * The app's worker (sw.js, registered by src/app/offline.ts) as MSW needs it. On a first visit it
 * is still caching the build: wait until it controls the page, or MSW would reload the page to
 * get a controlled one. A new deployment's worker waiting for the reader's "reload" would make MSW
 * wait for its activation before answering anything: then, and when the page stays uncontrolled
 * (a hard reload), this page answers in itself instead.
 */
async function settledWorker(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration()
  if (!registration) return
  if (navigator.serviceWorker.controller) {
    if (registration.waiting || registration.installing)
      throw new Error('a new version is waiting for a reload')
    return
  }
  const controlled = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 10_000)
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer)
        resolve(true)
      },
      { once: true },
    )
  })
  if (!controlled) throw new Error('the page is not controlled by the service worker')
}

let connected: Promise<{ target: DaemonSwitch; transport: Transport }> | null = null

/**
 * Starts MSW's service worker once (lazily: only the playground and lessons load msw/browser).
 * Service workers need a secure context (HTTPS or localhost) and can be disabled; then the very
 * same translation answers inside the page (in-page-fetch.ts, no MSW), and the page says so.
 */
function connect(initial: DaemonSwitch['current']) {
  connected ??= (async () => {
    const target = new DaemonSwitch(initial)
    try {
      // Without the Service Worker API (plain http on a LAN address, some private modes) msw
      // does not fail: it silently patches the page's fetch instead ("fallback mode"), and the
      // page would never say that requests are answered inside it. Take the in-page path
      // ourselves, so the notice shows.
      if (!('serviceWorker' in navigator)) throw new Error('no Service Worker API here')
      await settledWorker()
      const { startDaemonWorker } = await import('../../mocks/browser.ts')
      await startDaemonWorker({ daemon: target, baseUrl: baseUrl() })
      return { target, transport: { fetch: (input, init) => fetch(input, init), inPage: false } }
    } catch {
      const inPage = inPageFetch(target, baseUrl())
      return { target, transport: { fetch: inPage, inPage: true } }
    }
  })()
  return connected
}

// One session per Docker version for the page's lifetime: switching versions back and forth
// keeps each daemon's state, and a second open (React may run an effect twice) restores nothing
// twice.
const sessions = new Map<DockerVersion, DaemonSession>()

/** Points the worker's handlers at this session's daemon. */
async function activate(session: DaemonSession): Promise<DaemonSession> {
  const { target } = await connect(session.daemon)
  target.current = session.daemon
  return session
}

export async function openWorkerSession(version: DockerVersion): Promise<DaemonSession> {
  const existing = sessions.get(version)
  if (existing) return activate(existing)
  const opened = openDaemon(version)
  const { transport } = await connect(opened.daemon)
  // Two opens may race on one version (React runs effects twice in development): the first to
  // get here wins and the other reuses its session.
  const session = sessions.get(version) ?? makeSession(version, baseUrl(), opened, transport)
  sessions.set(version, session)
  return activate(session)
}
