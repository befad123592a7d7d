import { createDaemon, type SimulatedDaemon } from '../daemon/index.ts'
import { createKubelet, type Kubelet } from '../kubelet/kubelet.ts'
import type { KubeletCall, Release } from '../kubelet/types.ts'
import { daemonTransport } from './daemon-transport.ts'

/**
 * For the kubelet's tests only: a kubelet of `release` on a fresh in-process simulated
 * daemon. (The model itself never imports the daemon; its tests may.)
 */
export function kubeletOnDaemon(release: Release): {
  kubelet: Kubelet
  daemon: SimulatedDaemon
  calls: KubeletCall[]
} {
  const daemon = createDaemon({})
  const calls: KubeletCall[] = []
  const kubelet = createKubelet({
    release,
    transport: daemonTransport(daemon),
    onCall: (c) => calls.push(c),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
  })
  return { kubelet, daemon, calls }
}

/** A call as data/kubelet/*.json writes it: 64-hex ids as {id}, a created name's random parts as placeholders. */
export function asDataCall(c: KubeletCall) {
  const query: Record<string, string> = {}
  for (const key of Object.keys(c.query).sort()) {
    const value = c.query[key] ?? ''
    query[key] =
      key === 'name'
        ? value.replace(
            /^(k8s_[^.]+)\.[0-9a-f]+_([^_]+)_([^_]+)_[^_]+_[0-9a-f]+$/,
            '$1.{hash}_$2_$3_{uid}_{random}',
          )
        : value
  }
  return {
    method: c.method,
    path: c.path.replace(/\b[0-9a-f]{64}\b/g, '{id}'),
    query,
    source: c.sourceRef,
    ...(c.via ? { via: `${c.via.file}:${c.via.line}` } : {}),
    endpointId: c.endpointId,
    dockerMethod: c.dockerMethod,
    clientCall: c.clientCall,
  }
}
