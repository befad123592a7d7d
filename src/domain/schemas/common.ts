import { z } from 'zod'

/** An API version as Docker writes it: "1.24", "1.9". Compared numerically, never as text. */
export const apiVersionSchema = z
  .string()
  .regex(/^\d+\.\d+$/, 'expected an API version like "1.24"')

/** Text we wrote ourselves, in both UI languages. API identifiers inside it stay untranslated. */
export const localizedSchema = z.object({
  en: z.string().min(1),
  zh: z.string().min(1),
})

/** Where a fact comes from: a file (and function or line) at a tag or commit, or a doc section. */
export const sourceSchema = z.object({
  /** Short human label, e.g. "moby v1.12.6 api/server/router/container/exec.go postContainerExecResize". */
  label: z.string().min(1),
  /** The label in Chinese, where it says more than file and function names (which stay as is). */
  labelZh: z.string().min(1).optional(),
  /** A stable URL (GitHub blob at a tag or commit) when one exists. */
  url: z.url().optional(),
})

export const kubernetesReleaseSchema = z.enum(['1.2', '1.3', '1.4'])

export type ApiVersion = z.infer<typeof apiVersionSchema>
export type Localized = z.infer<typeof localizedSchema>
export type Source = z.infer<typeof sourceSchema>
export type KubernetesRelease = z.infer<typeof kubernetesReleaseSchema>
