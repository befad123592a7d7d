declare module 'virtual:catalog' {
  import type { EndpointRow, KubernetesMinimum, ReleaseOption } from './domain/rows'
  export const endpointRows: EndpointRow[]
  export const releaseOptions: ReleaseOption[]
  export const kubernetesMinimums: KubernetesMinimum[]
}
