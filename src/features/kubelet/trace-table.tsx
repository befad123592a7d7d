import { alignCalls, callKey, type KubeletCall } from '../../kubelet/index.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import type { ReleaseRun, TracedCall } from './run-operation.ts'
import { CallText, Changes, SourceLink, Status, Timing } from './trace-cells.tsx'
import '../../lib/i18n/kubelet-messages.ts'

interface TraceProps {
  runs: readonly ReleaseRun[]
  showSetup: boolean
  /** An endpoint id whose calls are marked (a link from the matrix). */
  highlight: string
  /**
   * When each call was sent and how long it took (default shown). An embed leaves it out: its run
   * is in process, a few ms that differ on every load and say nothing about a kubelet.
   */
  timing?: boolean
}

const visible = (run: ReleaseRun | undefined, showSetup: boolean) =>
  (run?.calls ?? []).filter((c) => showSetup || !c.call.setup)

const rowClass = (calls: (TracedCall | undefined)[], highlight: string, extra?: string) =>
  [
    extra,
    calls.some((c) => c?.call.setup) && 'trace-setup',
    highlight && calls.some((c) => c?.call.endpointId === highlight) && 'trace-highlight',
  ]
    .filter(Boolean)
    .join(' ') || undefined

/** One release's calls in the order sent. */
export function TraceTable({ runs, showSetup, highlight, timing = true }: TraceProps) {
  const { t, language } = useI18n()
  const run = runs[0]
  if (!run) return null
  const calls = visible(run, showSetup)
  return (
    <div className="table-scroll">
      <table className="trace stack-narrow" data-release={run.release}>
        <caption>{t('kubeletTraceCaption', { release: run.release })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('kubeletColCall')}</th>
            <th scope="col">{t('kubeletColStatus')}</th>
            {timing && <th scope="col">{t('kubeletColTime')}</th>}
            <th scope="col">{t('kubeletColSource')}</th>
            <th scope="col">{t('kubeletColPurpose')}</th>
            <th scope="col">{t('kubeletColDaemon')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((traced, index) => (
            <tr key={traced.call.seq} className={rowClass([traced], highlight)}>
              <td className="num inline-narrow">{index + 1}</td>
              <th scope="row">
                <CallText call={traced.call} />
              </th>
              <td data-label={t('kubeletColStatus')} className="inline-narrow">
                <Status call={traced.call} />
              </td>
              {timing && (
                <td data-label={t('kubeletColTime')} className="num inline-narrow">
                  <Timing call={traced.call} />
                </td>
              )}
              <td data-label={t('kubeletColSource')}>
                <SourceLink call={traced.call} />
              </td>
              <td data-label={t('kubeletColPurpose')} className="trace-purpose">
                {traced.call.purpose[language]}
              </td>
              <td data-label={t('kubeletColDaemon')}>
                <Changes changes={traced.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Two calls are the same call when they send the same request for the same reason: the four
 * `GET /version` of a 1.4 pod start are told apart by why each is sent (the site's purpose,
 * shared by both releases), so 1.4's extra one is the one marked.
 */
const sameCall = (call: KubeletCall) => `${callKey(call)} ${call.purpose.en}`

/** 1.3 and 1.4 aligned call by call (longest common subsequence), the differences marked. */
export function AlignedTraceTable({ runs, showSetup, highlight, timing = true }: TraceProps) {
  const { t, language } = useI18n()
  const left = runs.find((r) => r.release === '1.3')
  const right = runs.find((r) => r.release === '1.4')
  const leftCalls = visible(left, showSetup)
  const rightCalls = visible(right, showSetup)
  const bySeq = (list: TracedCall[]) => new Map(list.map((c) => [c.call.seq, c]))
  const leftBySeq = bySeq(leftCalls)
  const rightBySeq = bySeq(rightCalls)
  const rows = alignCalls(
    leftCalls.map((c) => c.call),
    rightCalls.map((c) => c.call),
    sameCall,
  )
  const side = (traced: TracedCall | undefined, release: '1.3' | '1.4') => (
    <td data-label={`Kubernetes ${release}`} className="trace-side">
      {traced ? (
        <>
          <CallText call={traced.call} /> <Status call={traced.call} />{' '}
          {timing && (
            <>
              <small className="muted">
                <Timing call={traced.call} />
              </small>{' '}
            </>
          )}
          <SourceLink call={traced.call} />
          <Changes changes={traced.changes} />
        </>
      ) : (
        <span className="muted">{t('kubeletNotSent')}</span>
      )}
    </td>
  )
  return (
    <div className="table-scroll">
      <table className="trace trace-aligned stack-narrow">
        <caption>{t('kubeletTraceCaptionBoth')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kubeletColDiff')}</th>
            <th scope="col">Kubernetes 1.3</th>
            <th scope="col">Kubernetes 1.4</th>
            <th scope="col">{t('kubeletColPurpose')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const l = row.left ? leftBySeq.get(row.left.seq) : undefined
            const r = row.right ? rightBySeq.get(row.right.seq) : undefined
            const only = row.same ? null : l && r ? 'both' : l ? '1.3' : '1.4'
            return (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt as calls arrive; position is the identity
                key={index}
                className={rowClass([l, r], highlight, row.same ? undefined : 'trace-diff')}
                data-diff={only ?? 'same'}
              >
                <th scope="row" className="trace-diff-cell">
                  {only === null ? (
                    <span className="muted">{t('kubeletSame')}</span>
                  ) : (
                    <strong className="badge badge-diff">
                      {only === 'both' ? '≠' : t('kubeletOnlyIn', { release: only })}
                    </strong>
                  )}
                </th>
                {side(l, '1.3')}
                {side(r, '1.4')}
                <td data-label={t('kubeletColPurpose')} className="trace-purpose">
                  {(r ?? l)?.call.purpose[language]}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
