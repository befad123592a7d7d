import { useState } from 'react'
import { AppLink } from '../../components/app-link.tsx'
import { MethodBadge } from '../../components/method-badge.tsx'
import { ResponseView } from '../../components/response-view.tsx'
import { SourceList } from '../../components/source-list.tsx'
import type { Lesson } from '../../domain/schemas/lessons.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { failureMessage } from '../../lib/daemon-client/failure-message.ts'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { reasonPhrase } from '../../lib/http-status.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import type { LessonProgress } from './lesson-progress.ts'
import { missingFor, resolvedRequest, runLessonStep } from './lesson-runner.ts'
import { statusChoices } from './status-choices.ts'
import { readableText } from './step-path.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'

interface LessonStepProps {
  lesson: Lesson
  index: number
  session: DaemonSession | null
  progress: LessonProgress
  update: (change: (previous: LessonProgress) => LessonProgress) => void
  predictMode: boolean
  /** Runs the earlier steps this one builds on that have not been run yet. */
  onRunEarlier: () => Promise<void>
}

export function LessonStepView(props: LessonStepProps) {
  const { lesson, index, session, progress, update, predictMode, onRunEarlier } = props
  const step = lesson.steps[index]
  const { t, language } = useI18n()
  const [exchange, setExchange] = useState<Exchange | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [choice, setChoice] = useState<number | null>(null)
  if (!step) return null

  const missing = missingFor(step, progress.vars)
  const notRunBefore = lesson.steps.slice(0, index).filter((s) => !(s.id in progress.answered))
  const request = resolvedRequest(step, progress.vars)
  const predicted = progress.predicted[step.id]
  const answered = exchange !== null
  const mustPredict = predictMode && !answered && choice === null
  const name = `predict-${lesson.id}-${step.id}`

  const run = async () => {
    if (!session) return
    setBusy(true)
    setError(null)
    try {
      const done = await runLessonStep(step, progress.vars, session)
      setExchange(done.exchange)
      update((p) => ({
        vars: done.vars,
        answered: { ...p.answered, [step.id]: done.exchange.status },
        predicted:
          predictMode && choice !== null ? { ...p.predicted, [step.id]: choice } : p.predicted,
      }))
    } catch (failure) {
      setError(failureMessage(failure, t))
    } finally {
      setBusy(false)
    }
  }

  const runEarlier = async () => {
    setBusy(true)
    try {
      await onRunEarlier()
    } finally {
      setBusy(false)
    }
  }

  // A lesson that traces what kubelets send says of each step whether a kubelet sends it or it
  // only sets the stage (the container the kubelet would have created, an error to try).
  const tracing = lesson.steps.some((s) => s.calledBy)
  // In predict mode the explanation is the answer: it shows once the learner has committed.
  const showExplanation = !predictMode || answered
  return (
    <article className="lesson-step" aria-labelledby="step-heading">
      <h3 id="step-heading">{step.title[language]}</h3>
      {tracing && (
        <p className="step-caller muted">
          {step.calledBy
            ? t('stepSentBy', { releases: step.calledBy.join(language === 'zh' ? '、' : ' and ') })
            : t('stepSetup')}
        </p>
      )}
      {showExplanation && <p>{step.text[language]}</p>}
      {showExplanation && step.sources && <SourceList sources={step.sources} />}
      <pre className="request-preview">
        <code>
          <MethodBadge method={step.request.method} />{' '}
          {readableText(step.request.path, lesson, progress.vars, t)}
          {step.request.body && `\n\n${readableText(step.request.body, lesson, progress.vars, t)}`}
        </code>
      </pre>
      {notRunBefore.length > 0 && (
        <div className="callout" role={missing.length > 0 ? 'alert' : undefined}>
          <p>
            {missing.length > 0
              ? t('needsEarlierSteps', { count: notRunBefore.length })
              : t('earlierStepsNotRun', { count: notRunBefore.length })}
          </p>
          <button type="button" disabled={!session || busy} onClick={runEarlier}>
            {t('runEarlierSteps', { count: notRunBefore.length })}
          </button>
        </div>
      )}
      {predictMode ? (
        <fieldset className="predict" disabled={answered}>
          <legend>{t('predictQuestion')}</legend>
          {statusChoices(step.expect.status, `${lesson.id}/${step.id}`).map((status) => (
            <label key={status} className="predict-choice">
              <input
                type="radio"
                name={name}
                value={status}
                checked={choice === status}
                onChange={() => setChoice(status)}
              />{' '}
              {status} {reasonPhrase(status)}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('expectedStatus', { status: step.expect.status })}</p>
      )}
      <p className="step-actions">
        <button
          type="button"
          className="primary"
          disabled={!session || busy || missing.length > 0 || mustPredict}
          onClick={run}
        >
          {t('runStep')}
        </button>{' '}
        {missing.length === 0 && (
          <AppLink to={{ view: 'playground', ...request, docker: '1.12.6' }}>
            {t('openInPlayground')}
          </AppLink>
        )}
      </p>
      {exchange && predictMode && choice !== null && (
        <p
          className={choice === step.expect.status ? 'verdict verdict-ok' : 'verdict verdict-off'}
          role="status"
        >
          {choice === step.expect.status
            ? t('predictRight', { status: choice })
            : t('predictWrong', { status: choice, expected: step.expect.status })}
        </p>
      )}
      {!exchange && predicted !== undefined && predictMode && (
        <p className="muted">{t('predictedBefore', { status: predicted })}</p>
      )}
      {exchange && (
        <p
          className={
            exchange.status === step.expect.status ? 'verdict verdict-ok' : 'verdict verdict-off'
          }
          role="status"
        >
          {exchange.status === step.expect.status
            ? t('gotExpected', { status: exchange.status })
            : t('gotOther', { status: exchange.status, expected: step.expect.status })}
        </p>
      )}
      <ResponseView exchange={exchange} streaming={busy} error={error} />
    </article>
  )
}
