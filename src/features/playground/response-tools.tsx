import { useState } from 'react'
import { kindOfId, type SimulatedDaemon } from '../../daemon/index.ts'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { copyText } from './copy-menu.tsx'
import type { IdKind } from './id-path.ts'
import '../../lib/i18n/feature-messages.ts'

const latin1 = new TextDecoder('latin1')

/** Full ids (64 hex digits) in a body that name something this daemon holds, first seen first. */
export function idsIn(body: Uint8Array, daemon: SimulatedDaemon): { id: string; kind: IdKind }[] {
  const found = new Map<string, IdKind>()
  for (const match of latin1.decode(body).matchAll(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g)) {
    const kind = kindOfId(daemon.state, match[0])
    if (kind && !found.has(match[0])) found.set(match[0], kind)
  }
  return [...found].map(([id, kind]) => ({ id, kind }))
}

/** Under the answer: copy its body, and put the ids it names into the request path. */
export function ResponseTools(props: {
  exchange: Exchange
  daemon: SimulatedDaemon
  onId: (kind: IdKind, id: string) => void
}) {
  const { exchange, daemon, onId } = props
  const { t } = useI18n()
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const ids = idsIn(exchange.body, daemon)
  return (
    <div className="response-tools">
      {exchange.body.length > 0 && (
        <button
          type="button"
          onClick={async () =>
            setCopied((await copyText(latin1.decode(exchange.body))) ? 'yes' : 'no')
          }
        >
          {t('copyBody')}
        </button>
      )}
      <span role="status" className="muted">
        {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : ''}
      </span>
      {ids.length > 0 && (
        <p className="id-list">
          {t('idsInAnswer')}{' '}
          {ids.map(({ id, kind }) => (
            <button
              key={id}
              type="button"
              className="link-button id-button"
              aria-label={t('useIdInPathNamed', { id: `${kind} ${id.slice(0, 12)}` })}
              onClick={() => onId(kind, id)}
            >
              {kind} <code>{id.slice(0, 12)}</code>
            </button>
          ))}
        </p>
      )}
    </div>
  )
}
