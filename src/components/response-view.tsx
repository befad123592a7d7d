import { memo } from 'react'
import { goResponseHeaders } from '../daemon/index.ts'
import { renderBody } from '../lib/daemon-client/render-body.ts'
import type { Exchange } from '../lib/daemon-client/send-request.ts'
import { reasonPhrase } from '../lib/http-status.ts'
import { useI18n } from '../lib/i18n/index.tsx'
import '../lib/i18n/view-messages.ts'
import './response-view.css'

/**
 * Memoised on the bytes: pretty-printing a large JSON answer is the costliest part of showing
 * it, and the view renders again for things that leave the body alone (a stream's clock, an
 * edit of the request).
 */
const Body = memo(function Body({
  bytes,
  contentType,
}: {
  bytes: Uint8Array
  contentType: string
}) {
  const { t } = useI18n()
  const body = renderBody(bytes, contentType)
  switch (body.kind) {
    case 'empty':
      return <p className="muted">{t('emptyBody')}</p>
    case 'json':
    case 'text':
      return (
        <pre className="response-body">
          <code>{body.text}</code>
        </pre>
      )
    case 'json-lines':
      return (
        <pre className="response-body">
          <code>{body.lines.join('\n')}</code>
        </pre>
      )
    case 'multiplexed':
      return (
        <pre className="response-body">
          {body.frames.map((frame, index) => (
            // Frames have no identity beyond their position in the stream.
            // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity here
            <span key={index} className={`frame frame-${frame.stream}`}>
              <span className="frame-label">{frame.stream}</span>
              {frame.text}
            </span>
          ))}
        </pre>
      )
    case 'binary':
      return <p className="muted">{t('binaryBody', { bytes: body.bytes })}</p>
  }
})

/**
 * The headers as Go's server wrote them (canonical names, its order, Date, Content-Length or
 * Transfer-Encoding), not as the browser's Headers object lists them (lower case, sorted).
 */
function wireHeaders(exchange: Exchange): Array<[string, string]> {
  const length = exchange.headers.find(([name]) => name === 'content-length')?.[1]
  const date = exchange.headers.find(([name]) => name === 'date')?.[1]
  const lines = goResponseHeaders({
    status: exchange.status,
    headers: exchange.headers,
    bodyBytes: length === undefined ? null : Number(length),
    date: date ?? '',
    head: exchange.request.method === 'HEAD',
  })
  // A history entry saved before answers were dated has no Date to show.
  return date === undefined ? lines.filter(([name]) => name !== 'Date') : lines
}

interface ResponseViewProps {
  exchange: Exchange | null
  streaming: boolean
  error: string | null
}

/** The daemon's answer as it would appear on the wire: status line, headers, body. */
export function ResponseView({ exchange, streaming, error }: ResponseViewProps) {
  const { t } = useI18n()
  return (
    <section className="response" aria-labelledby="response-heading" aria-busy={streaming}>
      <h3 id="response-heading">{t('response')}</h3>
      {error && (
        <p className="callout callout-wrong" role="alert">
          {error}
        </p>
      )}
      {!exchange && !error && (
        <p className="muted" role="status">
          {streaming ? t('waiting') : t('noResponse')}
        </p>
      )}
      {exchange && (
        <>
          <p className="status-line" data-status={exchange.status}>
            <strong>
              HTTP/1.1 {exchange.status} {reasonPhrase(exchange.status)}
            </strong>{' '}
            <span className="muted">
              {exchange.ms.toFixed(1)} ms · {exchange.body.length} B
              {streaming && ` · ${t('streaming')}`}
              {exchange.stopped && ` · ${t('stopped')}`}
              {exchange.truncated && ` · ${t('truncated')}`}
            </span>
          </p>
          <h4>{t('responseHeaders')}</h4>
          <dl className="headers">
            {wireHeaders(exchange).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <h4>{t('responseBody')}</h4>
          <Body
            bytes={exchange.body}
            contentType={exchange.headers.find(([name]) => name === 'content-type')?.[1] ?? ''}
          />
        </>
      )}
    </section>
  )
}
