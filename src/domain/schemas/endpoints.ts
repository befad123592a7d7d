import { z } from 'zod'
import { ENDPOINT_GROUPS, HTTP_METHODS } from '../vocabulary.ts'
import {
  apiVersionSchema,
  kubernetesReleaseSchema,
  localizedSchema,
  sourceSchema,
} from './common.ts'

export const httpMethodSchema = z.enum(HTTP_METHODS)

export const endpointGroupSchema = z.enum(ENDPOINT_GROUPS)

export const parameterSchema = z.object({
  name: z.string().min(1),
  in: z.enum(['path', 'query', 'body', 'header']),
  /** Go/JSON type as the doc gives it: "integer", "boolean", "string", "JSON object". */
  type: z.string().min(1),
  required: z.boolean(),
  description: localizedSchema,
})

/**
 * One status code, with what the v1.24 doc (as shipped with Docker 1.12.6) says and what a real
 * Docker 1.12.6 daemon did. Exec resize is the famous case: documented 201, real 200.
 */
export const statusSchema = z.object({
  code: z.number().int().min(100).max(599),
  /** Listed in the v1.24 doc shipped with Docker 1.12.x. */
  documented: z.boolean(),
  /** A Docker 1.12.6 daemon really answers it (false: documented but never sent). */
  real: z.boolean(),
  /** When the daemon answers it. */
  when: localizedSchema,
  /** Exact message the 1.12.6 daemon sends (placeholders in angle brackets), where known. */
  message: z.string().optional(),
  /** Required when documented !== real: why doc and daemon differ. */
  note: localizedSchema.optional(),
  sources: z.array(sourceSchema).optional(),
})

/** A call site in Kubernetes: the DockerInterface method and the client-library call behind it. */
export const kubernetesCallerSchema = z.object({
  releases: z.array(kubernetesReleaseSchema).min(1),
  /** DockerInterface method, e.g. "ResizeContainerTTY". */
  interfaceMethod: z.string().min(1),
  /** Client-library call, e.g. "engine-api ContainerResize (client/container_resize.go)". */
  clientCall: z.string().min(1),
  source: sourceSchema,
})

export const kubernetesUsageSchema = z.object({
  /** What the article's table ticks (it has no 1.2 column). */
  article: z.object({ '1.3': z.boolean(), '1.4': z.boolean() }),
  /** What the Kubernetes source at the release tags really calls. */
  source: z.object({ '1.2': z.boolean(), '1.3': z.boolean(), '1.4': z.boolean() }),
  callers: z.array(kubernetesCallerSchema),
  /** Required when article and source disagree: the explanation, with its source. */
  disagreement: z
    .object({ note: localizedSchema, sources: z.array(sourceSchema).min(1) })
    .optional(),
})

export const endpointSchema = z.object({
  /** Docker's operationId from the v1.25 swagger (ContainerList, ExecResize …); stable forever. */
  id: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
  group: endpointGroupSchema,
  method: httpMethodSchema,
  /** Route with {placeholders}: "/containers/{id}/resize". */
  path: z.string().startsWith('/'),
  /** Section of the v1.24 reference, e.g. "3.1 Containers". */
  docSection: z.string().min(1),
  title: localizedSchema,
  description: localizedSchema,
  /** First API version that documents the endpoint. */
  sinceApi: apiVersionSchema,
  /** API version from which the daemon refuses it (copy: 1.24). */
  removedInApi: apiVersionSchema.optional(),
  /** Only in experimental builds (plugins in 1.12). */
  experimental: z.boolean().optional(),
  parameters: z.array(parameterSchema),
  statuses: z.array(statusSchema).min(1),
  example: z.object({ request: z.string().min(1), response: z.string().min(1) }),
  kubernetes: kubernetesUsageSchema,
  /** How the article lists the row (path as printed there); listed: false if the article omits it. */
  article: z.object({
    listed: z.boolean(),
    title: z.string().optional(),
    path: z.string().optional(),
  }),
  /** Anything else a learner should know (doc edits after 2016, anachronisms). */
  notes: z
    .array(z.object({ text: localizedSchema, sources: z.array(sourceSchema).min(1) }))
    .optional(),
  sources: z.array(sourceSchema).min(1),
})

export const endpointsFileSchema = z.object({
  $schema: z.string().optional(),
  endpoints: z.array(endpointSchema).min(1),
})

export type HttpMethod = z.infer<typeof httpMethodSchema>
export type EndpointGroup = z.infer<typeof endpointGroupSchema>
export type Status = z.infer<typeof statusSchema>
export type Endpoint = z.infer<typeof endpointSchema>
export type EndpointsFile = z.infer<typeof endpointsFileSchema>
