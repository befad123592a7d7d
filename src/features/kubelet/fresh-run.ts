import { createDaemon } from '../../daemon/index.ts'
import type { OperationId, Release } from '../../kubelet/index.ts'
import { daemonTransport } from '../../kubelet-transports/daemon-transport.ts'
import { runOperation, type ViewRun } from './run-operation.ts'

/**
 * The view's run (runOperation) on a daemon of its own: a fresh simulated Docker 1.12.6 in the
 * page, with only its seeded images. An embedded trace is then the same on every load, needs no
 * service worker, and never reads or writes the playground's stored daemon.
 *
 * The model reaches the daemon in process (daemon-transport.ts), as it does where
 * data/kubelet/*.json is checked against it and where the build computes the matrix's callers:
 * through MSW's handlers in the page (in-page-fetch.ts) the answers are the same, and msw with
 * its GraphQL parser would add about 115 KB gzipped to the embed (measured, `npm run build`).
 */
export async function runOnFreshDaemon(
  operation: OperationId,
  releases: readonly Release[],
): Promise<ViewRun> {
  const daemon = createDaemon({ dockerVersion: '1.12.6' })
  try {
    return await runOperation(
      { daemon, persist: () => undefined },
      operation,
      releases,
      () => undefined,
      daemonTransport(daemon),
    )
  } finally {
    // Nobody looks at this daemon again: its pending timers (the pod's processes) can go.
    daemon.dispose()
  }
}
