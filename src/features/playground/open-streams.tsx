import { useEffect, useState } from 'react'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import './open-streams.css'
import '../../lib/i18n/view-messages.ts'

export interface OpenStream {
  id: number
  request: Exchange['request']
  startedAt: number
  bytes: number
  /** Its headers arrived without a Content-Length: an answer that lasts (attach, events, logs -f). */
  stream: boolean
}

/** The clock while something is open, a few times a second; frozen otherwise. */
export function useTicking(active: boolean, ms = 100): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (!active) return
    setNow(performance.now())
    const timer = setInterval(() => setNow(performance.now()), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return now
}

const elapsed = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`)

/**
 * Streams still being read, each with its time, its bytes and its own Stop: the playground
 * stays usable while an attached exec is open (a resize or an inspect can be sent meanwhile).
 */
export function OpenStreams({
  streams,
  now,
  onStop,
}: {
  streams: OpenStream[]
  now: number
  onStop: (id: number) => void
}) {
  const { t } = useI18n()
  if (streams.length === 0) return null
  return (
    <section className="open-streams" aria-labelledby="open-streams-heading">
      <h3 id="open-streams-heading">{t('openStreams')}</h3>
      <p className="muted">{t('openStreamsHint')}</p>
      <ul>
        {streams.map((s) => {
          const label = `${s.request.method} ${s.request.path}`
          return (
            <li key={s.id}>
              <code>{label}</code>{' '}
              <span className="muted" data-testid="stream-progress">
                {elapsed(Math.max(0, now - s.startedAt))} · {s.bytes} B · {t('streaming')}
              </span>{' '}
              <button
                type="button"
                className="stop"
                aria-label={t('stopStream', { request: label })}
                onClick={() => onStop(s.id)}
              >
                {t('stop')}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
