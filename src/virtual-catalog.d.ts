declare module 'virtual:catalog' {
  import type {
    EndpointRow,
    KubeletCallers,
    KubernetesMinimum,
    ReleaseOption,
  } from './domain/rows.ts'
  export const endpointRows: EndpointRow[]
  export const releaseOptions: ReleaseOption[]
  export const kubernetesMinimums: KubernetesMinimum[]
  export const kubeletCallers: KubeletCallers
}
