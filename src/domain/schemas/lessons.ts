import { z } from 'zod'
import { kubernetesReleaseSchema, localizedSchema, sourceSchema } from './common.ts'

/**
 * A lesson step is one scripted request in the language of the status scenarios
 * (src/scenarios/types.ts): `{{name}}` in a path or body is a value captured by an
 * earlier step (`capture: { execId: 'Id' }`), and the expectation is a status plus, optionally,
 * an exact body, a substring (`{ contains }`) or a JSON subset (`{ json }`). The tests and the
 * lesson view both run steps through the scenario runner (runRequest in scenarios/run.ts).
 */
const expectedBodySchema = z.union([
  z.string(),
  z.object({ contains: z.string().min(1) }),
  z.object({ json: z.unknown() }),
])

/** One request of a lesson and the status a Docker 1.12.6 daemon answers to it. */
export const lessonStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedSchema,
  /** What to notice, in the learner's language. */
  text: localizedSchema,
  /** Endpoint id in endpoints-1.24.json, or "Router" for version-prefix behaviour. */
  endpointId: z.string().min(1),
  request: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'HEAD']),
    /** May hold `{{name}}` placeholders filled from earlier captures. */
    path: z.string().startsWith('/'),
    body: z.string().optional(),
    contentType: z.string().optional(),
  }),
  /** variable → JSON field of this step's response, as in ScenarioStep.capture. */
  capture: z.record(z.string().regex(/^[A-Za-z0-9_]+$/), z.string()).optional(),
  expect: z.object({
    status: z.number().int().min(100).max(599),
    body: expectedBodySchema.optional(),
  }),
  /**
   * For traces of what a kubelet sends: the Kubernetes releases whose kubelet makes this call
   * (absent: a setup step of the lesson, not part of the trace).
   */
  calledBy: z.array(kubernetesReleaseSchema).optional(),
  sources: z.array(sourceSchema).optional(),
})

export const lessonSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedSchema,
  summary: localizedSchema,
  steps: z.array(lessonStepSchema).min(1),
})

export const lessonsFileSchema = z.object({
  $schema: z.string().optional(),
  lessons: z.array(lessonSchema).min(1),
})

export type LessonStep = z.infer<typeof lessonStepSchema>
export type Lesson = z.infer<typeof lessonSchema>
export type LessonsFile = z.infer<typeof lessonsFileSchema>
