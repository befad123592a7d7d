/**
 * The Kubernetes 1.3 / 1.4 kubelet's Docker side, modelled: a pure client of the Docker API
 * (no React, MSW, DOM, node:*; nothing from src/daemon). See README.md.
 */
export { type AlignedRow, alignCalls, callKey } from './align.ts'
export { DockerError, TransportError } from './client.ts'
export { createKubelet, type Kubelet, type RunResult, type TerminalOptions } from './kubelet.ts'
export { DEFAULTS, KubeletNode, type NodeOptions } from './node.ts'
export {
  type ClockMinute,
  CONTAINERS_PER_POD,
  type LoopCall,
  type LoopLoad,
  nodeClock,
  nodeLoad,
} from './node-load.ts'
export { isOperationId, OPERATIONS, type OperationInfo } from './operation-list.ts'
export type { OperationOptions } from './operations.ts'
export { PAUSE_IMAGE } from './pod.ts'
export { initialSizes, SizeQueue } from './size-queue.ts'
export type { StreamHandle } from './streams.ts'
export * from './types.ts'
