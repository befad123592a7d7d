import { z } from 'zod'
import { localizedSchema, sourceSchema } from './common'

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
    /** `{exec:<container name>}` stands for the newest exec instance of that container. */
    path: z.string().startsWith('/'),
    body: z.string().optional(),
    contentType: z.string().optional(),
  }),
  expect: z.object({
    status: z.number().int().min(100).max(599),
    /** A piece of the body the daemon sends (checked by the tests). */
    bodyIncludes: z.string().optional(),
  }),
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
