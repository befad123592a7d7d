/**
 * The kubelet's operations as data (data/kubelet/), parsed with their schema. A module of its
 * own, not part of data.ts, so the first page does not carry it: the Kubelet view and the
 * matrix's "why ticked" links import it when they need it.
 */
import operations13 from '../../data/kubelet/operations-1.3.json'
import operations14 from '../../data/kubelet/operations-1.4.json'
import { type KubeletOperationsFile, kubeletOperationsFileSchema } from './schemas/kubelet.ts'
import { parseDataFile } from './validate-data.ts'

export const KUBELET_DATA_FILES = {
  '1.3': 'data/kubelet/operations-1.3.json',
  '1.4': 'data/kubelet/operations-1.4.json',
} as const

export const kubeletOperations: Record<'1.3' | '1.4', KubeletOperationsFile> = {
  '1.3': parseDataFile(KUBELET_DATA_FILES['1.3'], kubeletOperationsFileSchema, operations13),
  '1.4': parseDataFile(KUBELET_DATA_FILES['1.4'], kubeletOperationsFileSchema, operations14),
}

/** The operations that send an endpoint, per release: what makes a matrix cell ticked. */
export function operationsSending(release: '1.3' | '1.4', endpointId: string): string[] {
  return kubeletOperations[release].operations
    .filter((o) => o.calls.some((c) => c.endpointId === endpointId))
    .map((o) => o.id)
}
