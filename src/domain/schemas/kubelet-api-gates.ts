import { z } from 'zod'
import { apiVersionSchema, localizedSchema, sourceSchema } from './common.ts'

/**
 * Where the Kubernetes 1.4 kubelet sends a call differently depending on the daemon's API version
 * (data/kubelet-api-gates.json): the field, the version it checks and what it does on each side.
 */
export const kubeletApiGateSchema = z.object({
  /** Endpoint id of data/endpoints-1.24.json. */
  endpoint: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
  /** The field or parameter concerned, as the API names it ("HostConfig.OomScoreAdj"). */
  field: z.string().min(1),
  /** The API version the kubelet compares the daemon's with. */
  api: apiVersionSchema,
  /** What the kubelet does with a daemon older than `api`, and from `api` on (our words). */
  below: localizedSchema,
  atOrAbove: localizedSchema,
  sources: z.array(sourceSchema).min(1),
})

export const kubeletApiGatesFileSchema = z.object({
  kubernetes: z.literal('1.4'),
  gates: z.array(kubeletApiGateSchema).min(1),
  /** The create-body fields the 1.4 kubelet ever sets, with API names ("HostConfig.Memory"). */
  createFields: z.object({
    fields: z.array(z.string().min(1)).min(1),
    sources: z.array(sourceSchema).min(1),
  }),
})

export type KubeletApiGatesFile = z.infer<typeof kubeletApiGatesFileSchema>
