import lessonsFile from '../../../data/lessons.json'
import { MethodBadge } from '../../components/method-badge.tsx'
import { SourceList } from '../../components/source-list.tsx'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'
import { readableText } from '../../features/lessons/step-path.ts'
import { reasonPhrase } from '../../lib/http-status.ts'
import '../../lib/i18n/feature-messages.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../features/lessons/lessons.css'

const lessons = (lessonsFile as LessonsFile).lessons

/** A lesson step as a card: the request, the status Docker 1.12.6 answers, and why. */
export default function LessonStepEmbed({ lesson: id, step }: { lesson: string; step: number }) {
  const { t, language } = useI18n()
  const lesson = lessons.find((l) => l.id === id)
  const current = lesson?.steps[step - 1]
  if (!lesson || !current) return <p>{t('embedUnknown', { kind: `${id} ${step}` })}</p>
  return (
    <article aria-labelledby="embed-heading">
      <p className="muted">
        {lesson.title[language]} · {step}/{lesson.steps.length}
      </p>
      <h1 id="embed-heading">{current.title[language]}</h1>
      <pre className="request-preview">
        <code>
          <MethodBadge method={current.request.method} />{' '}
          {readableText(current.request.path, lesson, {}, t)}
          {current.request.body && `\n\n${readableText(current.request.body, lesson, {}, t)}`}
        </code>
      </pre>
      <p>
        <strong>
          {current.expect.status} {reasonPhrase(current.expect.status)}
        </strong>{' '}
        {current.text[language]}
      </p>
      {current.sources && <SourceList sources={current.sources} />}
    </article>
  )
}
