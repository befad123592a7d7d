import { useCallback, useEffect, useRef, useState } from 'react'
import endpointsFile from '../../../data/endpoints-1.24.json'
import { ResponseView } from '../../components/response-view'
import { API_VERSION_OF, type DockerVersion } from '../../daemon'
import { exampleRequest } from '../../domain/example-request'
import type { EndpointsFile } from '../../domain/schemas/endpoints'
import { useNavigation } from '../../hooks/use-navigation'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session'
import { failureMessage } from '../../lib/daemon-client/failure-message'
import { type Exchange, sendRequest } from '../../lib/daemon-client/send-request'
import { openWorkerSession } from '../../lib/daemon-client/worker-session'
import { useI18n } from '../../lib/i18n'
import { type PlaygroundState, toPlaygroundRequest } from '../../lib/url-state'
import { RequestForm } from './request-form'
import { StatePanel } from './state-panel'

const endpoints = (endpointsFile as EndpointsFile).endpoints
const HISTORY_LIMIT = 20

type Status =
  | { kind: 'starting' }
  | { kind: 'ready'; session: DaemonSession }
  | { kind: 'failed'; error: string }

interface PlaygroundProps {
  /** How to reach a daemon; the browser default starts MSW's service worker. */
  openSession?: (version: DockerVersion) => Promise<DaemonSession>
}

export default function Playground({ openSession = openWorkerSession }: PlaygroundProps) {
  const { t } = useI18n()
  const { state, update } = useNavigation()
  const request = state.playground
  const [status, setStatus] = useState<Status>({ kind: 'starting' })
  const [exchange, setExchange] = useState<Exchange | null>(null)
  const [history, setHistory] = useState<Exchange[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [, setRevision] = useState(0)
  const abort = useRef<AbortController | null>(null)
  const nextId = useRef(1)

  useEffect(() => {
    let cancelled = false
    setStatus({ kind: 'starting' })
    // Another Docker version is another daemon: its answers and history start afresh.
    setExchange(null)
    setHistory([])
    openSession(request.docker).then(
      (session) => !cancelled && setStatus({ kind: 'ready', session }),
      (failure: unknown) => !cancelled && setStatus({ kind: 'failed', error: String(failure) }),
    )
    return () => {
      cancelled = true
      abort.current?.abort()
    }
  }, [openSession, request.docker])

  const setRequest = useCallback(
    (change: Partial<PlaygroundState>) =>
      update((s) => ({ ...s, playground: { ...s.playground, ...change } })),
    [update],
  )

  const send = async () => {
    if (status.kind !== 'ready') return
    const { session } = status
    const controller = new AbortController()
    abort.current = controller
    setBusy(true)
    setError(null)
    setExchange(null)
    const id = nextId.current++
    try {
      const done = await sendRequest(
        session.baseUrl,
        {
          method: request.method,
          path: request.path,
          body: request.body,
          contentType: request.contentType,
        },
        {
          id,
          signal: controller.signal,
          onProgress: setExchange,
          fetch: session.transport.fetch,
        },
      )
      setExchange(done)
      setHistory((previous) => [done, ...previous].slice(0, HISTORY_LIMIT))
    } catch (failure) {
      setError(failureMessage(failure, t))
    } finally {
      session.persist()
      setBusy(false)
      setRevision((r) => r + 1)
    }
  }

  const onPreset = (endpointId: string) => {
    const endpoint = endpoints.find((e) => e.id === endpointId)
    if (!endpoint || status.kind !== 'ready') return
    const execs = [...status.session.daemon.state.execs.keys()]
    setRequest(toPlaygroundRequest(exampleRequest(endpoint, execs.at(-1))))
  }

  return (
    <section aria-labelledby="playground-heading" className="view playground">
      <h2 id="playground-heading">{t('playgroundHeading')}</h2>
      <p className="intro">
        {t('playgroundIntro', { version: request.docker, api: API_VERSION_OF[request.docker] })}
      </p>
      {status.kind === 'starting' && <p role="status">{t('startingDaemon')}</p>}
      {status.kind === 'failed' && (
        <p className="callout callout-wrong" role="alert">
          {t('daemonFailed', { error: status.error })}
        </p>
      )}
      {status.kind === 'ready' && status.session.transport.inPage && (
        <p className="callout" role="status">
          {t('inPageNotice')}
        </p>
      )}
      {status.kind === 'ready' && status.session.restoreError && (
        <p className="callout" role="status">
          {t('restoreFailed', { error: status.session.restoreError })}
        </p>
      )}
      <div className="playground-grid">
        <div>
          <RequestForm
            value={request}
            endpoints={endpoints}
            busy={busy || status.kind !== 'ready'}
            onChange={setRequest}
            onPreset={onPreset}
            onSend={send}
            onStop={() => abort.current?.abort()}
            onReset={() => {
              if (status.kind !== 'ready') return
              status.session.reset()
              setHistory([])
              setExchange(null)
              setRevision((r) => r + 1)
            }}
          />
          {status.kind === 'ready' && <StatePanel daemon={status.session.daemon} />}
        </div>
        <div>
          <ResponseView exchange={exchange} streaming={busy} error={error} />
          <section aria-labelledby="history-heading">
            <h3 id="history-heading">{t('history')}</h3>
            {history.length === 0 ? (
              <p className="muted">{t('noHistory')}</p>
            ) : (
              <ol className="history">
                {history.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="link-button"
                      title={t('replay')}
                      onClick={() => {
                        setRequest(item.request)
                        setExchange(item)
                      }}
                    >
                      <strong>{item.status}</strong> {item.request.method}{' '}
                      <code>{item.request.path}</code>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </section>
  )
}
