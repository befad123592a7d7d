import { z } from 'zod'
import {
  apiVersionSchema,
  kubernetesReleaseSchema,
  localizedSchema,
  sourceSchema,
} from './common.ts'

export const interfaceMethodSchema = z.object({
  /** DockerInterface method, e.g. "ResizeExecTTY". */
  name: z.string().min(1),
  signature: z.string().min(1),
  /** Endpoint id in endpoints-1.24.json. */
  endpointId: z.string().min(1),
  clientCall: z.string().min(1),
  source: sourceSchema,
})

export const callSiteSchema = z.object({
  /** Go function, e.g. "AttachContainer". */
  function: z.string().min(1),
  file: z.string().min(1),
  line: z.number().int().positive(),
  /** DockerInterface methods it calls, in order. */
  calls: z.array(z.string().min(1)).min(1),
  description: localizedSchema,
  source: sourceSchema,
})

export const kubernetesReleaseEntrySchema = z.object({
  version: kubernetesReleaseSchema,
  tag: z.string().min(1),
  tagCommit: z.string().regex(/^[0-9a-f]{40}$/),
  client: z.object({
    name: z.string().min(1),
    repo: z.string().min(1),
    rev: z.string().regex(/^[0-9a-f]{40}$/),
    describe: z.string().optional(),
  }),
  /** minimumDockerAPIVersion enforced by DockerManager.Status(). */
  minApi: apiVersionSchema,
  minDocker: z.string().min(1),
  minSource: sourceSchema,
  releaseNotes: localizedSchema,
  methods: z.array(interfaceMethodSchema).min(1),
  /** Call sites worth showing (1.4: the two resize paths). */
  callSites: z.array(callSiteSchema),
})

export const kubernetesFileSchema = z.object({
  $schema: z.string().optional(),
  releases: z.array(kubernetesReleaseEntrySchema).min(1),
})

export type KubernetesReleaseEntry = z.infer<typeof kubernetesReleaseEntrySchema>
export type KubernetesFile = z.infer<typeof kubernetesFileSchema>
