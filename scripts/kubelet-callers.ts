import { createDaemon } from '../src/daemon/index.ts'
import type { KubeletCallers } from '../src/domain/rows.ts'
import { createKubelet, OPERATIONS, RELEASES } from '../src/kubelet/index.ts'
import { daemonTransport } from '../src/kubelet-transports/daemon-transport.ts'

/**
 * Which kubelet operations send each endpoint, per release: every operation of the model run on
 * a fresh simulated daemon, its own calls kept (the setup that brings the node to the
 * operation's start is another operation's work). Computed at build time for the matrix's
 * "why is this ticked?" links, so the first page does not load the model (about 1.5 s, once per
 * build or test worker).
 */
export async function computeKubeletCallers(): Promise<KubeletCallers> {
  const callers: KubeletCallers = {}
  for (const release of RELEASES) {
    for (const operation of OPERATIONS) {
      const kubelet = createKubelet({ release, transport: daemonTransport(createDaemon()) })
      const run = await kubelet.run(operation.id)
      if (run.error) throw new Error(`kubelet ${release} ${operation.id}: ${run.error}`)
      for (const call of run.calls) {
        if (call.setup) continue
        callers[call.endpointId] ??= { '1.3': [], '1.4': [] }
        const entry = callers[call.endpointId] as KubeletCallers[string]
        if (!entry[release].includes(operation.id)) entry[release].push(operation.id)
      }
    }
  }
  return callers
}
