import { kubeletCallers } from 'virtual:catalog'
import { useEffect, useId, useRef, useState } from 'react'
import { AppLink } from '../../components/app-link.tsx'
import { CopyEmbed } from '../../components/copy-embed.tsx'
import { useNavigation, type ViewStateProps } from '../../hooks/use-navigation.tsx'
import { OPERATIONS } from '../../kubelet/index.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { sessionTransport } from '../../lib/daemon-client/kubelet-transport.ts'
import { openWorkerSession } from '../../lib/daemon-client/worker-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/kubelet-messages.ts'
import {
  KUBELET_OPERATIONS,
  KUBELET_RELEASES,
  type KubeletOperation,
  type KubeletRelease,
  type KubeletState,
} from './kubelet-url.ts'
import { NodeClock } from './node-clock.tsx'
import { releasesOf, runOperation, type ViewRun } from './run-operation.ts'
import { RunOutcome } from './run-outcome.tsx'
import { AlignedTraceTable, TraceTable } from './trace-table.tsx'
import './kubelet.css'
import '../../lib/i18n/view-messages.ts'

interface KubeletViewProps extends ViewStateProps<KubeletState> {
  /** Opens the playground's daemon session (tests pass a daemon of their own). */
  openSession?: typeof openWorkerSession
}

/**
 * "What the kubelet sends": an operation of the kubelet model run on the playground's daemon,
 * its calls as they arrive (1.3, 1.4 or both aligned), and the node clock of the periodic loops.
 */
export default function KubeletView({
  state: k,
  onChange,
  openSession = openWorkerSession,
}: KubeletViewProps) {
  const { t, language } = useI18n()
  const { href } = useNavigation()
  const id = useId()
  const [session, setSession] = useState<DaemonSession | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [run, setRun] = useState<ViewRun | null>(null)
  const [running, setRunning] = useState(false)
  const [showSetup, setShowSetup] = useState(false)
  const live = useRef(true)

  useEffect(() => {
    live.current = true
    // The playground's Docker 1.12.6 daemon: what the kubelet makes stays there to inspect.
    openSession('1.12.6').then(
      (opened) => live.current && setSession(opened),
      (error: unknown) => live.current && setFailure(String(error)),
    )
    return () => {
      live.current = false
    }
  }, [openSession])

  // Another operation or release: the trace shown belongs to the last one, so it goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trace is cleared when these change
  useEffect(() => setRun(null), [k.op, k.release])

  const set = (change: Partial<KubeletState>) => onChange((current) => ({ ...current, ...change }))
  const operation = OPERATIONS.find((o) => o.id === k.op)
  const start = async () => {
    if (!session || running) return
    setRunning(true)
    setRun(null)
    try {
      await runOperation(
        session,
        k.op,
        releasesOf(k.release),
        (progress) => {
          if (live.current) setRun(progress)
        },
        sessionTransport(session),
      )
    } catch (error) {
      if (live.current) setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      if (live.current) setRunning(false)
    }
  }
  const setupCount = run?.runs.reduce((n, r) => n + r.calls.filter((c) => c.call.setup).length, 0)

  return (
    <section className="view kubelet-view" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('kubeletHeading')}</h2>
      <p className="intro">{t('kubeletIntro')}</p>
      <form
        className="kubelet-controls"
        data-running={running}
        onSubmit={(event) => {
          event.preventDefault()
          void start()
        }}
      >
        <label>
          <span>{t('kubeletOperation')}</span>
          <select
            value={k.op}
            onChange={(event) => set({ op: event.target.value as KubeletOperation })}
          >
            {KUBELET_OPERATIONS.map((op) => (
              <option key={op} value={op}>
                {OPERATIONS.find((o) => o.id === op)?.title[language] ?? op} ({op})
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('kubeletRelease')}</legend>
          {KUBELET_RELEASES.map((release) => (
            <label key={release}>
              <input
                type="radio"
                name={`${id}-release`}
                checked={k.release === release}
                onChange={() => set({ release })}
              />{' '}
              {release === 'both' ? t('kubeletReleaseBoth') : `Kubernetes ${release}`}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!session || running}>
          {running ? t('kubeletRunning') : t('kubeletRun')}
        </button>
      </form>
      {operation && (
        <p className="kubelet-summary">
          {operation.summary[language]}{' '}
          {operation.periodSeconds !== undefined &&
            t('kubeletPeriodic', { seconds: operation.periodSeconds })}
        </p>
      )}
      {k.ep && <SentBy endpoint={k.ep} release={k.release} />}
      {session?.transport.inPage && (
        <p className="callout" role="status">
          {t('inPageNotice')}
        </p>
      )}
      {failure && (
        <p className="callout callout-wrong" role="alert">
          {t('daemonFailed', { error: failure })}
        </p>
      )}
      <div role="status" className="kubelet-status">
        {run && run.cleaned > 0 && <p>{t('kubeletCleaned', { count: run.cleaned })}</p>}
        {run?.runs.map((r) => (
          <RunOutcome key={r.release} run={r} />
        ))}
      </div>
      {k.release === 'both' && <p className="muted">{t('kubeletBothNote')}</p>}
      {run && (setupCount ?? 0) > 0 && (
        <div className="kubelet-setup">
          <p className="muted">{t('kubeletSetupNote')}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showSetup}
              onChange={(event) => setShowSetup(event.target.checked)}
            />{' '}
            {t('kubeletShowSetup', { count: setupCount ?? 0 })}
          </label>
        </div>
      )}
      {k.ep && run && <p className="muted">{t('kubeletHighlight', { endpoint: k.ep })}</p>}
      {/* The embed runs the operation itself, on a fresh daemon: it needs no run here first. */}
      <p>
        <CopyEmbed
          query={`embed=kubelet-trace&${href({ view: 'kubelet', op: k.op, release: k.release, ep: k.ep }).slice(1)}`}
          title={t('kubeletEmbedTitle', {
            operation: operation?.title[language] ?? k.op,
            release: k.release === 'both' ? '1.3 / 1.4' : k.release,
          })}
        />
      </p>
      {!run ? (
        <p className="muted">{t('kubeletNoCalls')}</p>
      ) : k.release === 'both' ? (
        <AlignedTraceTable runs={run.runs} showSetup={showSetup} highlight={k.ep} />
      ) : (
        <TraceTable runs={run.runs} showSetup={showSetup} highlight={k.ep} />
      )}
      <NodeClock
        releases={releasesOf(k.release)}
        pods={k.pods}
        speed={k.speed}
        onChange={(change) => set(change)}
      />
    </section>
  )
}

/** The operations that send the endpoint a matrix link came from, each a link to itself. */
function SentBy({ endpoint, release }: { endpoint: string; release: KubeletRelease }) {
  const { t } = useI18n()
  const releases = releasesOf(release)
  return (
    <div className="kubelet-sent-by">
      {releases.map((r) => {
        const operations: readonly string[] = kubeletCallers[endpoint]?.[r] ?? []
        if (operations.length === 0)
          return <p key={r}>{t('kubeletNoSender', { release: r, endpoint })}</p>
        return (
          <p key={r}>
            {t('kubeletSentBy', { endpoint, release: r })}{' '}
            {operations.map((op, i) => (
              <span key={op}>
                {i > 0 && ', '}
                <AppLink to={{ view: 'kubelet', op }}>{op}</AppLink>
              </span>
            ))}
          </p>
        )
      })}
    </div>
  )
}
