import { useEffect, useState } from 'react'
import { AppLink } from '../../components/app-link.tsx'
import { reasonPhrase } from '../../lib/http-status.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { kubeletSourceUrl, shortSource } from '../../lib/kubelet-source.ts'
import type { LoggedRequest, ResizeBehaviour } from './terminal-session.ts'
import '../../lib/i18n/view-messages.ts'

export interface PaneRequest extends LoggedRequest {
  pane: ResizeBehaviour
  key: string
}

/** Re-renders every `ms` while `active`, so open streams show their time moving. */
function useTicking(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(performance.now()), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return now
}

/** 64-hex ids shortened to Docker's 12 (the full path is the cell's title). */
const shortIds = (path: string) => path.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1…')

/** Every call the terminals made, newest first, with status, time and bytes. */
export function RequestLog({ entries, panes }: { entries: PaneRequest[]; panes: number }) {
  const { t } = useI18n()
  const now = useTicking(entries.some((e) => e.ms === null))
  return (
    <section className="terminal-log" aria-labelledby="terminal-log-heading">
      <h4 id="terminal-log-heading">{t('terminalLog')}</h4>
      {entries.length === 0 ? (
        <p className="muted">{t('terminalLogEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {panes > 1 && <th scope="col">{t('terminalLogPane')}</th>}
                <th scope="col">{t('terminalLogEndpoint')}</th>
                <th scope="col">{t('terminalLogRequest')}</th>
                <th scope="col">{t('terminalLogStatus')}</th>
                <th scope="col">{t('terminalLogTime')}</th>
                <th scope="col">{t('terminalLogBytes')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((entry) => {
                const open = entry.ms === null
                const ms = open ? Math.max(0, now - entry.startedAt) : (entry.ms ?? 0)
                return (
                  <tr
                    key={entry.key}
                    data-open={open || undefined}
                    data-setup={entry.setup || undefined}
                  >
                    {panes > 1 && <td>{entry.pane}</td>}
                    <td>
                      <AppLink to={{ view: 'endpoint', endpoint: entry.endpoint }}>
                        {entry.endpoint}
                      </AppLink>
                    </td>
                    <td className="log-request">
                      <code title={`${entry.method} ${entry.path}`}>
                        {entry.method} {shortIds(entry.path)}
                      </code>
                      {entry.setup && <span className="log-setup"> · {t('terminalLogSetup')}</span>}
                      {entry.source && entry.release && (
                        <>
                          {' · '}
                          <a
                            href={kubeletSourceUrl(entry.release, entry.source)}
                            title={entry.source.func}
                          >
                            {shortSource(entry.source)}
                          </a>
                        </>
                      )}
                    </td>
                    <td data-status={entry.status ?? undefined}>
                      {entry.status === null
                        ? '…'
                        : `${entry.status} ${reasonPhrase(entry.status)}`}
                      {entry.error && ` · ${entry.error}`}
                    </td>
                    <td>
                      {ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(1)} s`}
                      {open && entry.status !== null && ` · ${t('streaming')}`}
                    </td>
                    <td>{entry.bytes} B</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
