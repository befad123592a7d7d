import { Suspense, useCallback, useEffect, useRef, useState } from 'react'
import endpointsFile from '../../../data/endpoints-1.24.json'
import { ResponseView } from '../../components/response-view.tsx'
import type { TerminalPanelComponent } from '../../components/terminal-slot.ts'
import {
  API_VERSION_OF,
  type DockerVersion,
  newestContainer,
  newestExec,
} from '../../daemon/index.ts'
import { exampleRequest } from '../../domain/example-request.ts'
import type { EndpointsFile } from '../../domain/schemas/endpoints.ts'
import type { ViewStateProps } from '../../hooks/use-navigation.tsx'
import { useStableHandler } from '../../hooks/use-stable-handler.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { failureMessage } from '../../lib/daemon-client/failure-message.ts'
import { type Exchange, sendRequest } from '../../lib/daemon-client/send-request.ts'
import { toPlaygroundRequest } from '../../lib/daemon-client/to-playground-request.ts'
import { openWorkerSession } from '../../lib/daemon-client/worker-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { browserOnlyName } from './browser-only.ts'
import { CopyMenu } from './copy-menu.tsx'
import { HistoryPanel } from './history-panel.tsx'
import { addToHistory } from './history-store.ts'
import { pathWithId } from './id-path.ts'
import { type OpenStream, OpenStreams, useTicking } from './open-streams.tsx'
import { PasteCurl, useCurlPaste } from './paste-curl.tsx'
import type { PlaygroundState } from './playground-url.ts'
import { RequestForm } from './request-form.tsx'
import { ResponseTools } from './response-tools.tsx'
import { SharePanel } from './share/share-panel.tsx'
import { useSharedState } from './share/use-shared-state.ts'
import { StatePanel } from './state-panel.tsx'
import { useCopyTarget } from './use-copy-target.ts'
import { useHistory } from './use-history.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'
import './playground.css'

const endpoints = (endpointsFile as EndpointsFile).endpoints

type Status =
  | { kind: 'starting' }
  | { kind: 'ready'; session: DaemonSession }
  | { kind: 'failed'; error: string }

interface PlaygroundProps extends ViewStateProps<PlaygroundState> {
  /** How to reach a daemon; the browser default starts MSW's service worker. */
  openSession?: (version: DockerVersion) => Promise<DaemonSession>
  /** The browser terminal, handed over by the app shell (a lazy chunk). */
  terminal?: TerminalPanelComponent
}

export default function Playground({
  state: request,
  onChange,
  openSession = openWorkerSession,
  terminal: Terminal,
}: PlaygroundProps) {
  const { t } = useI18n()
  const [status, setStatus] = useState<Status>({ kind: 'starting' })
  const [exchange, setExchange] = useState<Exchange | null>(null)
  // Kept per Docker version in localStorage, like that version's daemon.
  const [history, setHistory] = useHistory(request.docker)
  const [presetNeeds, setPresetNeeds] = useState<'container' | 'exec' | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Every request still being read. Streams (an attached exec, events, logs -f) stay open while
  // other requests are sent; each has its own Stop.
  const [open, setOpen] = useState<OpenStream[]>([])
  const [shownId, setShownId] = useState(0)
  const [terminalOpen, setTerminalOpen] = useState(false)
  const [target, setTarget] = useCopyTarget()
  const curl = useCurlPaste((change) => setRequest(change))
  const [, setRevision] = useState(0)
  const controllers = useRef(new Map<number, AbortController>())
  const shown = useRef(0)
  const nextId = useRef(1)
  // Only a stream's clock moves on screen: ticking for a plain request cost a whole render of
  // the playground, on the main thread the answer was waiting for.
  const now = useTicking(open.some((o) => o.stream))

  useEffect(() => {
    let cancelled = false
    setStatus({ kind: 'starting' })
    // Another Docker version is another daemon: its answers start afresh, and its own history
    // (useHistory keeps one per version) shows.
    setExchange(null)
    openSession(request.docker).then(
      (session) => !cancelled && setStatus({ kind: 'ready', session }),
      (failure: unknown) => !cancelled && setStatus({ kind: 'failed', error: String(failure) }),
    )
    return () => {
      cancelled = true
      for (const controller of controllers.current.values()) controller.abort()
    }
  }, [openSession, request.docker])

  const setRequest = useCallback(
    (change: Partial<PlaygroundState>) => onChange((current) => ({ ...current, ...change })),
    [onChange],
  )
  const shared = useSharedState({
    session: status.kind === 'ready' ? status.session : null,
    history,
    setHistory,
    setRequest,
  })

  /** Sends the request in the form, or `override` (a history entry sent again). */
  const send = async (override?: Exchange['request']) => {
    if (status.kind !== 'ready') return
    const { session } = status
    const controller = new AbortController()
    const id = nextId.current++
    const sent = override ?? {
      method: request.method,
      path: request.path,
      body: request.body,
      contentType: request.contentType,
    }
    controllers.current.set(id, controller)
    shown.current = id
    setShownId(id)
    setError(null)
    setExchange(null)
    setOpen((list) => [
      ...list,
      { id, request: sent, startedAt: performance.now(), bytes: 0, stream: false },
    ])
    const update = (partial: Exchange) => {
      // No Content-Length: a stream (the daemon sends one for every whole body). A whole body
      // is shown once, when it has been read: a render for its headers and another for its
      // chunk only delayed the answer on screen.
      const stream = !partial.headers.some(([name]) => name === 'content-length')
      if (!stream) return
      if (shown.current === id) setExchange(partial)
      setOpen((list) =>
        list.map((o) => (o.id === id ? { ...o, bytes: partial.body.length, stream } : o)),
      )
    }
    try {
      const done = await sendRequest(session.baseUrl, sent, {
        id,
        signal: controller.signal,
        onProgress: update,
        fetch: session.transport.fetch,
      })
      if (shown.current === id) setExchange(done)
      setHistory((previous) => addToHistory(previous, done))
    } catch (failure) {
      if (shown.current === id) setError(failureMessage(failure, t))
    } finally {
      controllers.current.delete(id)
      session.persist()
      setOpen((list) => list.filter((o) => o.id !== id))
      setRevision((r) => r + 1)
    }
  }

  const stop = (id: number) => controllers.current.get(id)?.abort()
  const shownOpen = open.find((o) => o.id === shownId)
  // The form waits for a whole answer; a stream moves to the open streams and frees it.
  const busy = shownOpen !== undefined && !shownOpen.stream

  const onPreset = (endpointId: string) => {
    const endpoint = endpoints.find((e) => e.id === endpointId)
    if (!endpoint || status.kind !== 'ready') return
    // Live ids: the learner's newest container and exec instance, not the reference's samples.
    const { state: daemonState } = status.session.daemon
    const preset = exampleRequest(endpoint, {
      container: newestContainer(daemonState)?.name,
      exec: newestExec(daemonState)?.id,
    })
    setPresetNeeds(preset.needs)
    setRequest(toPlaygroundRequest(preset))
  }

  // Stable, so the memoised history list skips the renders of each Send.
  const loadEntry = useStableHandler((item: Exchange) => {
    setRequest(item.request)
    setExchange(item)
  })
  const replayEntry = useStableHandler((item: Exchange) => {
    setRequest(item.request)
    send(item.request)
  })

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
      {shared.message && (
        <p className={shared.message.ok ? 'callout' : 'callout callout-wrong'} role="status">
          {shared.message.text}
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
            onSend={() => send()}
            onStop={() => stop(shownId)}
            onPasteCurl={curl.paste}
            onReset={() => {
              if (status.kind !== 'ready') return
              status.session.reset()
              setHistory([])
              setExchange(null)
              setRevision((r) => r + 1)
            }}
          />
          <PasteCurl onPaste={curl.paste} />
          {curl.message}
          <OpenStreams streams={open.filter((o) => o.stream)} now={now} onStop={stop} />
          {presetNeeds && (
            <p className="callout" role="status">
              {presetNeeds === 'exec' ? t('presetNeedsExec') : t('presetNeedsContainer')}
            </p>
          )}
          <CopyMenu
            request={request}
            target={target}
            onTarget={setTarget}
            browserOnly={
              status.kind === 'ready' ? browserOnlyName(status.session.daemon.state, request) : null
            }
          />
          {status.kind === 'ready' && (
            <SharePanel session={status.session} history={history} onOpen={shared.open} />
          )}
          {status.kind === 'ready' && (
            <StatePanel
              daemon={status.session.daemon}
              onId={(kind, id) => setRequest({ path: pathWithId(request.path, kind, id) })}
            />
          )}
        </div>
        <div>
          <ResponseView
            exchange={
              // While it is read, the shown answer's time moves with the clock, not only with its chunks.
              exchange && shownOpen ? { ...exchange, ms: now - shownOpen.startedAt } : exchange
            }
            streaming={shownOpen !== undefined}
            error={error}
          />
          {exchange && status.kind === 'ready' && (
            <ResponseTools
              exchange={exchange}
              daemon={status.session.daemon}
              onId={(kind, id) => setRequest({ path: pathWithId(request.path, kind, id) })}
            />
          )}
          <HistoryPanel
            history={history}
            dockerVersion={request.docker}
            onLoad={loadEntry}
            onReplay={replayEntry}
            onReplace={setHistory}
            target={target}
            onTarget={setTarget}
          />
        </div>
      </div>
      {Terminal && status.kind === 'ready' && (
        <section aria-labelledby="terminal-heading" className="playground-terminal">
          <h3 id="terminal-heading">{t('terminalHeading')}</h3>
          <p className="intro">{t('terminalIntro')}</p>
          {terminalOpen ? (
            <Suspense fallback={<p role="status">{t('loading')}</p>}>
              <Terminal session={status.session} />
            </Suspense>
          ) : (
            <button type="button" className="primary" onClick={() => setTerminalOpen(true)}>
              {t('terminalOpen')}
            </button>
          )}
        </section>
      )}
    </section>
  )
}
