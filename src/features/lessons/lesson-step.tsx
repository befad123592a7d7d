import { useState } from 'react'
import { AppLink } from '../../components/app-link'
import { MethodBadge } from '../../components/method-badge'
import { ResponseView } from '../../components/response-view'
import { SourceList } from '../../components/source-list'
import { resolveLessonPath } from '../../domain/lesson-path'
import type { LessonStep as Step } from '../../domain/schemas/lessons'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session'
import { failureMessage } from '../../lib/daemon-client/failure-message'
import { type Exchange, sendRequest } from '../../lib/daemon-client/send-request'
import { useI18n } from '../../lib/i18n'
import { toPlaygroundRequest } from '../../lib/url-state'

interface LessonStepProps {
  step: Step
  session: DaemonSession | null
}

/** The newest exec instance of a container, looked up by name in the daemon's own state. */
function newestExecOf(session: DaemonSession, name: string): string | undefined {
  const { state } = session.daemon
  const containerId = state.names.get(`/${name}`)
  return [...state.execs.values()].filter((exec) => exec.containerId === containerId).at(-1)?.id
}

export function LessonStepView({ step, session }: LessonStepProps) {
  const { t, language } = useI18n()
  const [exchange, setExchange] = useState<Exchange | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const path = session
    ? resolveLessonPath(step.request.path, (name) => newestExecOf(session, name))
    : step.request.path
  // The same narrowing the playground's links get; the data's strings are free-form.
  const request = toPlaygroundRequest({
    method: step.request.method,
    path,
    body: step.request.body ?? '',
    contentType: step.request.contentType ?? '',
  })

  const run = async () => {
    if (!session) return
    setBusy(true)
    setError(null)
    try {
      const done = await sendRequest(session.baseUrl, request, {
        id: 0,
        signal: new AbortController().signal,
        fetch: session.transport.fetch,
      })
      setExchange(done)
    } catch (failure) {
      setError(failureMessage(failure, t))
    } finally {
      session.persist()
      setBusy(false)
    }
  }

  return (
    <article className="lesson-step" aria-labelledby="step-heading">
      <h3 id="step-heading">{step.title[language]}</h3>
      <p>{step.text[language]}</p>
      {step.sources && <SourceList sources={step.sources} />}
      <pre className="request-preview">
        <code>
          <MethodBadge method={step.request.method} /> {path}
          {request.body && `\n\n${request.body}`}
        </code>
      </pre>
      <p className="muted">{t('expectedStatus', { status: step.expect.status })}</p>
      <p className="step-actions">
        <button type="button" className="primary" disabled={!session || busy} onClick={run}>
          {t('runStep')}
        </button>{' '}
        <AppLink
          to={(s) => ({
            ...s,
            view: 'playground',
            playground: { ...s.playground, ...request, docker: '1.12.6' },
          })}
        >
          {t('openInPlayground')}
        </AppLink>
      </p>
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
