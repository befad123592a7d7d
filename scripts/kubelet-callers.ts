import { createDaemon } from '../src/daemon/index.ts'
import type { KubeletCallers } from '../src/domain/rows.ts'
import {
  createKubelet,
  type KubeletCall,
  OPERATIONS,
  RELEASES,
  type Release,
  type SourceLine,
} from '../src/kubelet/index.ts'
import { daemonTransport } from '../src/kubelet-transports/daemon-transport.ts'

/** A call of a trace as the lessons show it: ids replaced by `{id}`, its line at the tag. */
export interface TraceCall {
  seq: number
  method: KubeletCall['method']
  path: string
  query: Record<string, string>
  endpointId: string
  source: SourceLine
  purpose: KubeletCall['purpose']
}

export interface KubeletFacts {
  /** Operations that send each endpoint, by release (the matrix's "why is this ticked?"). */
  callers: KubeletCallers
  /** The lines that send each endpoint, by release (Copy as Go). */
  lines: Record<string, Record<Release, SourceLine[]>>
  /** exec-it and attach-it as the model sends them, setup aside (the 1.3 vs 1.4 lesson). */
  traces: Record<'exec-it' | 'attach-it', Record<Release, TraceCall[]>>
}

const ID = /\b[0-9a-f]{64}\b/g

/**
 * Facts of the kubelet model for the UI, computed at build time: every operation of the model
 * run on a fresh simulated daemon, its own calls kept (the setup that brings the node to the
 * operation's start is another operation's work). The first page gets the callers map without
 * loading the model (about 1.5 s, once per build, dev server or test worker).
 */
export async function computeKubeletFacts(): Promise<KubeletFacts> {
  const callers: KubeletCallers = {}
  const lines: KubeletFacts['lines'] = {}
  const traces: KubeletFacts['traces'] = {
    'exec-it': { '1.3': [], '1.4': [] },
    'attach-it': { '1.3': [], '1.4': [] },
  }
  for (const release of RELEASES) {
    for (const operation of OPERATIONS) {
      const daemon = createDaemon()
      const kubelet = createKubelet({ release, transport: daemonTransport(daemon) })
      const run = await kubelet.run(operation.id).finally(() => daemon.dispose())
      if (run.error) throw new Error(`kubelet ${release} ${operation.id}: ${run.error}`)
      const own = run.calls.filter((call) => !call.setup)
      for (const call of own) {
        callers[call.endpointId] ??= { '1.3': [], '1.4': [] }
        const entry = callers[call.endpointId] as KubeletCallers[string]
        if (!entry[release].includes(operation.id)) entry[release].push(operation.id)
        lines[call.endpointId] ??= { '1.3': [], '1.4': [] }
        const known = (lines[call.endpointId] as Record<Release, SourceLine[]>)[release]
        if (!known.some((l) => l.file === call.source.file && l.line === call.source.line))
          known.push(call.source)
      }
      if (operation.id === 'exec-it' || operation.id === 'attach-it') {
        traces[operation.id][release] = own.map((call, seq) => ({
          seq,
          method: call.method,
          path: call.path.replace(ID, '{id}'),
          query: Object.fromEntries(
            Object.entries(call.query).map(([k, v]) => [k, v.replace(ID, '{id}')]),
          ),
          endpointId: call.endpointId,
          source: call.source,
          purpose: call.purpose,
        }))
      }
    }
  }
  return { callers, lines, traces }
}
