import { type ChangeEvent, useRef, useState } from 'react'
import '../../../lib/i18n/classroom-messages.ts'
import type { DaemonSession } from '../../../lib/daemon-client/daemon-session.ts'
import type { Exchange } from '../../../lib/daemon-client/send-request.ts'
import { useI18n } from '../../../lib/i18n/index.tsx'
import { copyText } from '../copy-menu.tsx'
import {
  decodeShare,
  encodeShare,
  fromBase64Url,
  type SharedDaemon,
  ShareError,
  toBase64Url,
} from './share-codec.ts'
import '../../../lib/i18n/feature-messages.ts'

/** Longer links are cut by some chat tools and mail clients: past this, offer the file only. */
const LINK_LIMIT = 8000
const FILE_FORMAT = 'docker-api-explorer/shared-daemon@1'

/** The history as a share carries it, oldest first. */
export function sharedHistory(history: readonly Exchange[]): SharedDaemon['history'] {
  return [...history]
    .sort((a, b) => a.id - b.id)
    .map((e) => ({
      method: e.request.method,
      path: e.request.path,
      body: e.request.body,
      contentType: e.request.contentType,
      status: e.status,
      length: e.headers.find(([name]) => name === 'content-length')?.[1] ?? null,
    }))
}

/** A share's link: the app's own address with the state after #share= (never sent to a server). */
export function shareLink(bytes: Uint8Array, location: Location = window.location): string {
  return `${location.origin}${location.pathname}?view=playground#share=${toBase64Url(bytes)}`
}

/** Reads a shared file: its JSON wrapper, then the same bytes a link carries. */
export async function readShareFile(text: string): Promise<SharedDaemon> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ShareError('foreign', 'not JSON')
  }
  const v = data as { format?: unknown; data?: unknown }
  if (v?.format !== FILE_FORMAT || typeof v.data !== 'string')
    throw new ShareError('foreign', 'not a shared daemon file')
  return decodeShare(fromBase64Url(v.data))
}

export function shareProblem(error: unknown): 'shareForeign' | 'shareDamaged' | 'shareVersion' {
  if (error instanceof ShareError)
    return error.reason === 'foreign'
      ? 'shareForeign'
      : error.reason === 'version'
        ? 'shareVersion'
        : 'shareDamaged'
  return 'shareDamaged'
}

interface SharePanelProps {
  session: DaemonSession
  history: readonly Exchange[]
  /** Opens a shared state here (asks first when this daemon holds something). */
  onOpen: (shared: SharedDaemon) => void
}

/** "Share this daemon": a link (or a file for bigger states) that opens this state elsewhere. */
export function SharePanel({ session, history, onOpen }: SharePanelProps) {
  const { t } = useI18n()
  const [link, setLink] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const encode = () =>
    encodeShare({
      dockerVersion: session.version,
      snapshot: session.daemon.snapshot(),
      history: sharedHistory(history),
    })

  const makeLink = async () => {
    const bytes = await encode()
    const url = shareLink(bytes)
    setLink(url)
    setMessage(
      url.length > LINK_LIMIT
        ? t('shareTooLong', { length: url.length })
        : t('shareLinkMade', { length: url.length }),
    )
  }

  const download = async () => {
    const text = JSON.stringify({ format: FILE_FORMAT, data: toBase64Url(await encode()) })
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `docker-daemon-${session.version}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    try {
      onOpen(await readShareFile(await file.text()))
      setMessage(null)
    } catch (error) {
      setMessage(t(shareProblem(error)))
    }
  }

  return (
    <details className="share-panel">
      <summary>{t('shareSummary')}</summary>
      <p className="muted">{t('shareIntro')}</p>
      <div className="history-tools">
        <button type="button" onClick={makeLink}>
          {t('shareMakeLink')}
        </button>
        <button type="button" onClick={download}>
          {t('shareDownload')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('shareOpenFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('shareOpenFile')}
          onChange={openFile}
        />
      </div>
      {link && link.length <= LINK_LIMIT && (
        <div className="copy-row">
          <label className="filter share-link">
            <span>{t('shareLink')}</span>
            <input readOnly value={link} onFocus={(event) => event.target.select()} />
          </label>
          <button
            type="button"
            onClick={async () => setMessage((await copyText(link)) ? t('copied') : t('copyFailed'))}
          >
            {t('copy')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </details>
  )
}
