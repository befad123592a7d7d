import { type ChangeEvent, memo, useRef, useState } from 'react'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { historyToShell } from './history-script.ts'
import { historyFromJson, historyToJson } from './history-store.ts'
import { type CopyTarget, scriptTarget } from './use-copy-target.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'

interface HistoryPanelProps {
  history: readonly Exchange[]
  dockerVersion: string
  /** Puts an entry's request into the form and shows its answer. */
  onLoad: (item: Exchange) => void
  /** Puts an entry's request into the form and sends it again. */
  onReplay: (item: Exchange) => void
  onReplace: (history: Exchange[]) => void
  /** Where the exported script sends its requests (the copy menu's target). */
  target: CopyTarget
  onTarget: (change: Partial<CopyTarget>) => void
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Memoised: the playground renders on each Send's click and answer, and the list changes only
 * when an answer is added (its handlers are stable, see useStableHandler).
 */
export const HistoryPanel = memo(function HistoryPanel(props: HistoryPanelProps) {
  const { history, dockerVersion, onLoad, onReplay, onReplace, target, onTarget } = props
  const { t } = useI18n()
  const fileInput = useRef<HTMLInputElement>(null)
  const [message, setMessage] = useState<string | null>(null)

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    try {
      const imported = historyFromJson(await file.text())
      // A file with nothing replayable must not wipe a history, and a full one is replaced only
      // when the reader says so (the history survives reloads; losing it is for good).
      if (imported.length === 0) {
        setMessage(t('historyImportEmpty'))
        return
      }
      const replace =
        history.length === 0 ||
        window.confirm(
          t('historyReplaceConfirm', { count: history.length, imported: imported.length }),
        )
      if (!replace) return
      onReplace(imported)
      setMessage(t('historyImported', { count: imported.length }))
    } catch (error) {
      setMessage(t('historyImportFailed', { error: String(error) }))
    }
  }

  return (
    <section aria-labelledby="history-heading" className="history-panel">
      <h3 id="history-heading">{t('history')}</h3>
      <div className="history-tools">
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() =>
            download(
              `docker-api-history-${dockerVersion}.json`,
              'application/json',
              historyToJson(history),
            )
          }
        >
          {t('historyExportJson')}
        </button>
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() =>
            download(
              `docker-api-history-${dockerVersion}.sh`,
              'text/x-shellscript',
              historyToShell(history, dockerVersion, scriptTarget(target)),
            )
          }
        >
          {t('historyExportSh')}
        </button>
        <label className="filter">
          <span>{t('historyScriptFor')}</span>
          <select
            value={target.via}
            onChange={(event) => onTarget({ via: event.target.value === 'tcp' ? 'tcp' : 'socket' })}
          >
            <option value="socket">{t('historyScriptSocket')}</option>
            <option value="tcp">{t('historyScriptTcp', { address: target.tcp })}</option>
          </select>
        </label>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('historyImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('historyImport')}
          onChange={onImport}
        />
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() => {
            onReplace([])
            setMessage(null)
          }}
        >
          {t('historyClear')}
        </button>
      </div>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
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
                onClick={() => onLoad(item)}
              >
                <strong>{item.status}</strong> {item.request.method}{' '}
                <code>{item.request.path}</code>
              </button>{' '}
              <button
                type="button"
                className="small-button"
                aria-label={t('sendAgainNamed', {
                  request: `${item.request.method} ${item.request.path}`,
                })}
                onClick={() => onReplay(item)}
              >
                {t('sendAgain')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
})
