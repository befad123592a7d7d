import lessonsFile from '../../../data/lessons.json'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'
import { LessonTrace } from '../../features/lessons/lesson-trace.tsx'
import '../../lib/i18n/feature-messages.ts'
import { useI18n } from '../../lib/i18n/index.tsx'

const lessons = (lessonsFile as LessonsFile).lessons

/** The Docker calls each kubelet sends for a lesson's terminal session, side by side. */
export default function TraceEmbed({ lesson: id }: { lesson: string }) {
  const { t, language } = useI18n()
  const lesson = lessons.find((l) => l.id === id)
  if (!lesson) return <p>{t('embedUnknown', { kind: id })}</p>
  return (
    <section aria-labelledby="embed-heading">
      <h1 id="embed-heading">{lesson.title[language]}</h1>
      <LessonTrace lesson={lesson} />
    </section>
  )
}
