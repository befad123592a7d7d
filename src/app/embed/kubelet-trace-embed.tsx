import { useEffect, useState } from 'react'
import { runOnFreshDaemon } from '../../features/kubelet/fresh-run.ts'
import { releasesOf, type ViewRun } from '../../features/kubelet/run-operation.ts'
import { RunOutcome } from '../../features/kubelet/run-outcome.tsx'
import { AlignedTraceTable, TraceTable } from '../../features/kubelet/trace-table.tsx'
import { OPERATIONS } from '../../kubelet/index.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/kubelet-messages.ts'
import '../../lib/i18n/view-messages.ts'
import type { KubeletState } from '../../features/kubelet/kubelet-url.ts'
import '../../features/kubelet/kubelet.css'

type Props = Pick<KubeletState, 'op' | 'release' | 'ep'>

/**
 * The Kubelet view's trace alone: the operation run by the kubelet model in this page, on a fresh
 * simulated daemon (fresh-run.ts), and its calls in the view's own table — method, path, status,
 * the kubelet source line — 1.3 and 1.4 aligned when the URL asks for both. The calls that set
 * the stage (another operation's work) stay hidden, as the view hides them by default; the
 * times too, which for a run in process are a few ms that change on every load.
 */
export default function KubeletTraceEmbed({ op, release, ep }: Props) {
  const { t, language } = useI18n()
  const [run, setRun] = useState<ViewRun | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setRun(null)
    runOnFreshDaemon(op, releasesOf(release)).then(
      (done) => live && setRun(done),
      (error: unknown) =>
        live && setFailure(error instanceof Error ? error.message : String(error)),
    )
    return () => {
      live = false
    }
  }, [op, release])
  const operation = OPERATIONS.find((o) => o.id === op)
  return (
    <section aria-labelledby="embed-heading">
      <h1 id="embed-heading">
        {operation?.title[language] ?? op} <code>{op}</code>
      </h1>
      {operation && <p className="kubelet-summary">{operation.summary[language]}</p>}
      <p className="muted">{t('kubeletEmbedNote')}</p>
      {failure && (
        <p className="callout callout-wrong" role="alert">
          {t('daemonFailed', { error: failure })}
        </p>
      )}
      {!run ? (
        !failure && <p role="status">{t('kubeletRunning')}</p>
      ) : (
        <>
          <div className="kubelet-status">
            {run.runs.map((r) => (
              <RunOutcome key={r.release} run={r} />
            ))}
          </div>
          {release === 'both' ? (
            <AlignedTraceTable runs={run.runs} showSetup={false} highlight={ep} timing={false} />
          ) : (
            <TraceTable runs={run.runs} showSetup={false} highlight={ep} timing={false} />
          )}
        </>
      )}
    </section>
  )
}
