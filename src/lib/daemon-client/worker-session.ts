import type { DockerVersion } from '../../daemon'
import { type DaemonSession, DaemonSwitch, makeSession, openDaemon } from './daemon-session'

// The daemon answers under the app's own path (e.g. /explorer/docker-api/), so the service
// worker's scope covers it and no cross-origin rules apply.
const baseUrl = () => new URL('docker-api/', document.baseURI).href

let started: Promise<DaemonSwitch> | null = null

/** Starts MSW's service worker once (lazily: only the playground loads msw/browser). */
async function workerSwitch(initial: DaemonSwitch['current']): Promise<DaemonSwitch> {
  started ??= (async () => {
    const target = new DaemonSwitch(initial)
    const { startDaemonWorker } = await import('../../mocks/browser')
    await startDaemonWorker({ daemon: target, baseUrl: baseUrl() })
    return target
  })()
  return started
}

// One session per Docker version for the page's lifetime: switching versions back and forth
// keeps each daemon's state, and a second open (React may run an effect twice) restores nothing
// twice.
const sessions = new Map<DockerVersion, DaemonSession>()

export async function openWorkerSession(version: DockerVersion): Promise<DaemonSession> {
  const session = sessions.get(version) ?? makeSession(version, baseUrl(), openDaemon(version))
  sessions.set(version, session)
  const target = await workerSwitch(session.daemon)
  target.current = session.daemon
  return session
}
