import { AppLink } from '../../components/app-link'
import type { Lesson } from '../../domain/schemas/lessons'
import { useI18n } from '../../lib/i18n'

export function LessonList({ lessons }: { lessons: readonly Lesson[] }) {
  const { t, language } = useI18n()
  return (
    <ul className="lesson-list">
      {lessons.map((lesson) => (
        <li key={lesson.id} className="lesson-card">
          <h3>{lesson.title[language]}</h3>
          <p>{lesson.summary[language]}</p>
          <p className="muted">{t('stepsCount', { count: lesson.steps.length })}</p>
          <AppLink
            className="button-link"
            to={(s) => ({ ...s, view: 'lessons', lesson: lesson.id, step: 1 })}
          >
            {t('startLesson')} →
          </AppLink>
        </li>
      ))}
    </ul>
  )
}
