import type { Lesson } from '../../domain/schemas/lessons.ts'
import type { Translate } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/feature-messages.ts'

/**
 * A step's path or body for reading: captured values filled in, and a value not captured yet
 * named by the step that captures it ("‹Id from step 5›"), never as `{{execId}}`.
 */
export function readableText(
  text: string,
  lesson: Lesson,
  vars: Readonly<Record<string, string>>,
  t: Translate,
): string {
  return text.replace(/\{\{([A-Za-z0-9_]+)\}\}/g, (whole, name: string) => {
    const value = vars[name]
    if (value !== undefined) return value
    const index = lesson.steps.findIndex((s) => s.capture?.[name] !== undefined)
    const field = lesson.steps[index]?.capture?.[name]
    return index < 0 || field === undefined ? whole : t('capturedFrom', { field, step: index + 1 })
  })
}
