import type { KubeletCall } from '../../kubelet/index.ts'
import { pathWithQuery } from '../../lib/daemon-client/kubelet-transport.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { kubeletSourceUrl, shortSource } from '../../lib/kubelet-source.ts'
import type { DaemonChange } from './daemon-changes.ts'
import '../../lib/i18n/kubelet-messages.ts'

/** Ids of 64 hex digits shortened as `docker ps` shows them; the full request is the title. */
export function displayPath(call: Pick<KubeletCall, 'path' | 'query'>): string {
  return pathWithQuery(call).replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1')
}

export function CallText({ call }: { call: KubeletCall }) {
  const { t } = useI18n()
  return (
    <>
      <code className="trace-call" title={`${call.method} ${pathWithQuery(call)}`}>
        {call.method} {displayPath(call)}
      </code>
      {call.setup && (
        <span className="badge badge-setup" title={t('kubeletSetupTitle')}>
          {t('kubeletSetup')}
        </span>
      )}
      {call.bodySummary && <small className="trace-body">{call.bodySummary}</small>}
    </>
  )
}

export function SourceLink({ call }: { call: KubeletCall }) {
  const { t } = useI18n()
  return (
    <>
      <a href={kubeletSourceUrl(call.release, call.source)} title={call.source.func}>
        {shortSource(call.source)}
      </a>
      {call.via && (
        <small className="trace-via">
          {t('kubeletVia')}{' '}
          <a href={kubeletSourceUrl(call.release, call.via)} title={call.via.func}>
            {shortSource(call.via)}
          </a>
        </small>
      )}
    </>
  )
}

export function Status({ call }: { call: KubeletCall }) {
  const status = call.status
  const kind = status === null || status >= 400 ? 'status-error' : 'status-ok'
  return <span className={kind}>{status ?? '—'}</span>
}

/** `+12 ms (3 ms)`: when the call was sent since the run began, and how long it took. */
export function Timing({ call }: { call: KubeletCall }) {
  const { t } = useI18n()
  return <>{t('kubeletTimeAt', { at: Math.round(call.at), ms: Math.round(call.durationMs) })}</>
}

export function Changes({ changes }: { changes: readonly DaemonChange[] }) {
  const { t } = useI18n()
  if (changes.length === 0) return null
  return (
    <ul className="trace-changes">
      {changes.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a call's changes never reorder
        <li key={i} className={`change-${c.kind}`}>
          {c.kind === 'added'
            ? t('kubeletChangeAdded', { name: c.name })
            : c.kind === 'removed'
              ? t('kubeletChangeRemoved', { name: c.name })
              : c.kind === 'status'
                ? t('kubeletChangeStatus', { name: c.name, from: c.from, to: c.to })
                : c.kind === 'image-added'
                  ? t('kubeletChangeImage', { name: c.name })
                  : t('kubeletChangeImageRemoved', { name: c.name })}
        </li>
      ))}
    </ul>
  )
}
