import { listContainers, listImages } from '../../daemon/index.ts'
import {
  createKubelet,
  type KubeletCall,
  type OperationId,
  type Release,
  type Transport,
} from '../../kubelet/index.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { type DaemonChange, diffDaemon, viewOf } from './daemon-changes.ts'
import type { KubeletRelease } from './kubelet-url.ts'

/** A call as the view shows it: the kubelet's record and what it changed in the daemon. */
export interface TracedCall {
  call: KubeletCall
  changes: DaemonChange[]
}

export interface ReleaseRun {
  release: Release
  calls: TracedCall[]
  error?: string
  done: boolean
}

export interface ViewRun {
  runs: ReleaseRun[]
  /** k8s_ containers of an earlier run removed before this one. */
  cleaned: number
}

/** The releases a choice of the view runs, in order (both: 1.3 first). */
export const releasesOf = (choice: KubeletRelease): Release[] =>
  choice === 'both' ? ['1.3', '1.4'] : [choice]

/** What a run needs of a session: the daemon it watches (and puts back), and a place to keep it. */
type RunSession = Pick<DaemonSession, 'daemon' | 'persist'>

const look = (session: RunSession) =>
  viewOf(listContainers(session.daemon.state), listImages(session.daemon.state))

/**
 * Runs one operation of the kubelet model on a daemon, for one release or both: the
 * playground's (the view, through `sessionTransport`) or a fresh one (an embed, fresh-run.ts).
 * A fresh kubelet per run, on a node without its containers: the k8s_ containers an earlier run
 * left are removed first (a kubelet would otherwise adopt them and send other calls). With both
 * releases, the daemon is put back after 1.3 so that 1.4 starts from the same state; the
 * daemon keeps what the last run made, for the playground to inspect.
 */
export async function runOperation(
  session: RunSession,
  operation: OperationId,
  releases: readonly Release[],
  onProgress: (run: ViewRun) => void,
  transport: Transport,
): Promise<ViewRun> {
  const view: ViewRun = { runs: [], cleaned: await removeKubeletContainers(session, transport) }
  const snapshot = releases.length > 1 ? session.daemon.snapshot() : null
  const publish = () => onProgress({ ...view, runs: view.runs.map((r) => ({ ...r })) })
  for (const [index, release] of releases.entries()) {
    if (index > 0 && snapshot !== null) session.daemon.restore(snapshot)
    const run: ReleaseRun = { release, calls: [], done: false }
    view.runs.push(run)
    publish()
    let before = look(session)
    const started = performance.now()
    const kubelet = createKubelet({
      release,
      transport,
      now: () => Math.round((performance.now() - started) * 10) / 10,
      onCall: (call) => {
        const after = look(session)
        run.calls = [...run.calls, { call, changes: diffDaemon(before, after) }]
        before = after
        publish()
      },
    })
    const result = await kubelet.run(operation)
    if (result.error) run.error = result.error
    run.done = true
    publish()
  }
  session.persist()
  return view
}

/** Force-removes every container named k8s_…, through the daemon's API (DELETE ?force=1). */
async function removeKubeletContainers(session: RunSession, transport: Transport): Promise<number> {
  const stale = listContainers(session.daemon.state).filter((c) => c.name.startsWith('k8s_'))
  for (const c of stale) {
    await transport({
      method: 'DELETE',
      path: `/containers/${c.id}`,
      query: { force: '1' },
      headers: {},
    })
  }
  return stale.length
}
