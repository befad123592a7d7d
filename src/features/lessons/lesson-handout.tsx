import { sourceLabel } from '../../components/source-list.tsx'
import type { Lesson } from '../../domain/schemas/lessons.ts'
import { reasonPhrase } from '../../lib/http-status.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { LessonTrace } from './lesson-trace.tsx'
import { statusChoices } from './status-choices.ts'
import { readableText } from './step-path.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'
import './lessons.css'

/**
 * The whole lesson for print, as a worksheet: every table the lesson shows, then every step
 * with its request and the choices a class predicts from. The answers (the status and the
 * explanation that gives it away, with its sources) are only in the key, on a page of its own.
 * Hidden on screen; the print stylesheet shows it instead of the interactive view, so printing
 * a lesson prints the handout.
 */
export function LessonHandout({ lesson }: { lesson: Lesson }) {
  const { t, language } = useI18n()
  return (
    <section className="handout" aria-labelledby="handout-heading">
      <h2 id="handout-heading">{lesson.title[language]}</h2>
      <p>{lesson.summary[language]}</p>
      <LessonTrace lesson={lesson} />
      <ol className="handout-steps">
        {lesson.steps.map((step) => (
          <li key={step.id}>
            <h3>{step.title[language]}</h3>
            <pre className="request-preview">
              <code>
                {step.request.method} {readableText(step.request.path, lesson, {}, t)}
                {step.request.body && `\n\n${readableText(step.request.body, lesson, {}, t)}`}
              </code>
            </pre>
            <p>
              {t('predictQuestion')}{' '}
              {statusChoices(step.expect.status, `${lesson.id}/${step.id}`).map((status) => (
                <span key={status} className="handout-choice">
                  ☐ {status}{' '}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
      <div className="answer-key">
        <h3>{t('answerKey')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('lessonSteps')}</th>
              <th scope="col">{t('answerStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {lesson.steps.map((step, i) => (
              <tr key={step.id}>
                <td>{i + 1}</td>
                <td>{step.title[language]}</td>
                <td>
                  {step.expect.status} {reasonPhrase(step.expect.status)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ol className="handout-answers">
          {lesson.steps.map((step) => (
            <li key={step.id}>
              <strong>{step.title[language]}</strong> — {step.expect.status}{' '}
              {reasonPhrase(step.expect.status)}
              {language === 'zh' ? '。' : '. '}
              {step.text[language]}
              {step.sources && (
                <ul className="handout-sources">
                  {step.sources.map((source) => (
                    <li key={source.label}>
                      {sourceLabel(source, language)}
                      {source.url && ` — ${source.url}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  )
}
