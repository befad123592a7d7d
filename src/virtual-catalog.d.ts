declare module 'virtual:catalog' {
  import type { EndpointRow, KubernetesMinimum, ReleaseOption } from './domain/rows.ts'
  export const endpointRows: EndpointRow[]
  export const releaseOptions: ReleaseOption[]
  export const kubernetesMinimums: KubernetesMinimum[]
  // Spelled out: an ambient module cannot import by a relative name (with skipLibCheck the
  // imports above silently fall back to any). Same shape as KubeletCallers in domain/rows.ts.
  export const kubeletCallers: Record<string, { '1.3': string[]; '1.4': string[] }>
}

/** The kubelet model's facts (scripts/kubelet-callers.ts KubeletFacts, spelled out). */
declare module 'virtual:kubelet-facts' {
  interface Line {
    file: string
    line: number
    func: string
  }
  interface TraceCall {
    seq: number
    method: 'GET' | 'POST' | 'DELETE'
    path: string
    query: Record<string, string>
    endpointId: string
    source: Line
    purpose: { en: string; zh: string }
  }
  type ByRelease<T> = { '1.3': T; '1.4': T }
  export const kubeletLines: Record<string, ByRelease<Line[]>>
  export const kubeletTraces: {
    'exec-it': ByRelease<TraceCall[]>
    'attach-it': ByRelease<TraceCall[]>
  }
}
