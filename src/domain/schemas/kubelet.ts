import { z } from 'zod'
import { KUBELET_OPERATIONS } from '../vocabulary.ts'

/**
 * data/kubelet/operations-1.3.json and -1.4.json: for each kubelet operation of src/kubelet,
 * the calls it sends to Docker (its setup excluded), each with the line at the release tag
 * that sends it. `npm run audit:sources -- --kube-git DIR` checks every line at the tag;
 * src/kubelet/operations-data.test.ts runs the model on the simulated daemon and compares.
 */

export const kubeletOperationIdSchema = z.enum(KUBELET_OPERATIONS)

/** `pkg/kubelet/…/file.go:LINE` at the release tag. */
const sourceRefSchema = z
  .string()
  .regex(/^pkg\/kubelet\/[\w/.-]+\.go:\d+$/, 'expected pkg/kubelet/…go:LINE')

export const kubeletCallSchema = z.object({
  method: z.enum(['GET', 'POST', 'DELETE']),
  /** Without a /v1.xx prefix (the kubelet's client has no API version); 64-hex ids as {id}. */
  path: z.string().regex(/^\/(?!v\d)/, 'a path without a version prefix'),
  /** Decoded values; a created container's name with {hash}, {uid} and {random}. */
  query: z.record(z.string(), z.string()),
  /** What Docker 1.12.6 answers. */
  status: z.number().int().min(100).max(599),
  /** Endpoint id in endpoints-1.24.json. */
  endpointId: z.string().min(1),
  /** The DockerInterface method (pkg/kubelet/dockertools/docker.go). */
  dockerMethod: z.string().min(1),
  /** The vendored engine-api client function that builds the request. */
  clientCall: z.string().min(1),
  /** The line that calls the DockerInterface method. */
  source: sourceRefSchema,
  /** The kubelet code that led there, when one call line serves several callers. */
  via: sourceRefSchema.optional(),
})

export const kubeletOperationSchema = z.object({
  id: kubeletOperationIdSchema,
  /** Scenarios of ../shared/kubelet-oracle whose calls these are (scripts/kubelet-oracle.ts). */
  oracle: z.array(z.string().min(1)),
  calls: z.array(kubeletCallSchema).min(1),
})

export const kubeletOperationsFileSchema = z.object({
  release: z.enum(['1.3', '1.4']),
  tag: z.enum(['v1.3.0', 'v1.4.0']),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  engineApi: z.object({
    repo: z.literal('docker/engine-api'),
    rev: z.string().regex(/^[0-9a-f]{40}$/),
  }),
  operations: z.array(kubeletOperationSchema).min(1),
})

export type KubeletOperationsFile = z.infer<typeof kubeletOperationsFileSchema>
