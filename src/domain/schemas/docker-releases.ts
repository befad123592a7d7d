import { z } from 'zod'
import { apiVersionSchema, sourceSchema } from './common.ts'

/**
 * One Docker Engine release line (e.g. "1.12.x") and the Remote API version its daemon speaks.
 * Which Kubernetes releases accept it is derived from kubernetes.json (their enforced minimum API),
 * never stored twice.
 */
export const dockerReleaseSchema = z.object({
  /** Stable id, e.g. "1.12". */
  id: z.string().regex(/^[0-9][0-9a-z.-]*$/),
  /** The release(s) as a label: "1.12.0 – 1.12.6", "17.03.1-ce, 17.03.2-ce". */
  label: z.string().min(1),
  /** First release tag of the line, for sorting and linking: "v1.12.0". */
  firstTag: z.string().min(1),
  /** Year of the first release tag. */
  year: z.number().int().min(2013).max(2030),
  /** The API version the daemon reports (DefaultVersion / MaxAPIVersion). */
  api: apiVersionSchema,
  /** The oldest API version the daemon accepts, where known (MinVersion / MinAPIVersion). */
  apiMin: apiVersionSchema.optional(),
  /** Whether the article's version table lists this line, and how it writes it ("1.12x"). */
  article: z.object({ listed: z.boolean(), label: z.string().optional() }),
  sources: z.array(sourceSchema).min(1),
})

export const dockerReleasesFileSchema = z.object({
  $schema: z.string().optional(),
  releases: z.array(dockerReleaseSchema).min(1),
})

export type DockerRelease = z.infer<typeof dockerReleaseSchema>
export type DockerReleasesFile = z.infer<typeof dockerReleasesFileSchema>
