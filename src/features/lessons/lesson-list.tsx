import { AppLink } from '../../components/app-link.tsx'
import type { Lesson } from '../../domain/schemas/lessons.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { useAllProgress } from './lesson-progress.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'

export function LessonList({ lessons }: { lessons: readonly Lesson[] }) {
  const { t, language } = useI18n()
  const progress = useAllProgress(lessons.map((lesson) => lesson.id))
  return (
    <ul className="lesson-list">
      {lessons.map((lesson, i) => {
        const count = lesson.steps.length
        const answered = progress[i]?.answered ?? {}
        const done = lesson.steps.filter((s) => s.id in answered).length
        const resumeAt = Math.max(1, lesson.steps.findIndex((s) => !(s.id in answered)) + 1)
        return (
          <li key={lesson.id} className="lesson-card">
            <h3>{lesson.title[language]}</h3>
            {done === count && (
              <p className="lesson-tick">
                <span aria-hidden="true">✓ </span>
                {t('lessonComplete')}
              </p>
            )}
            <p>{lesson.summary[language]}</p>
            <p className="muted">
              {done === 0 ? t('stepsCount', { count }) : t('lessonProgress', { done, count })}
            </p>
            <AppLink
              className="button-link"
              to={{ view: 'lessons', lesson: lesson.id, step: resumeAt }}
            >
              {done === 0 ? t('startLesson') : t('continueLesson')} →
            </AppLink>
          </li>
        )
      })}
    </ul>
  )
}
