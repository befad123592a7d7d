import type { Lesson } from '../../domain/schemas/lessons.ts'
import { reasonPhrase } from '../../lib/http-status.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { statusChoices } from './status-choices.ts'
import { readableText } from './step-path.ts'

/**
 * The whole lesson for print: every step with its request, the choices a class predicts from,
 * the explanation, and an answer key at the end. Hidden on screen; the print stylesheet shows
 * it instead of the interactive view, so printing a lesson prints the handout.
 */
export function LessonHandout({ lesson }: { lesson: Lesson }) {
  const { t, language } = useI18n()
  return (
    <section className="handout" aria-labelledby="handout-heading">
      <h2 id="handout-heading">{lesson.title[language]}</h2>
      <p>{lesson.summary[language]}</p>
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
            <p>{step.text[language]}</p>
            {step.sources && (
              <ul className="handout-sources">
                {step.sources.map((source) => (
                  <li key={source.label}>
                    {source.label}
                    {source.url && ` — ${source.url}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('answerKey')}</h3>
      <table className="answer-key">
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
    </section>
  )
}
