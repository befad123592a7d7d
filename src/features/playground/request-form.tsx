import { memo } from 'react'
import { type Choice, SelectField } from '../../components/filter-fields.tsx'
import type { Endpoint } from '../../domain/schemas/endpoints.ts'
import { useStableHandler } from '../../hooks/use-stable-handler.ts'
import {
  CONTENT_TYPES,
  PLAYGROUND_METHODS,
  type PlaygroundContentType,
  type PlaygroundMethod,
} from '../../lib/daemon-client/client-request.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { DOCKER_VERSIONS, MAX_LINK_BODY, type PlaygroundState } from './playground-url.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'

/** The query of a container or exec resize path, whose h and w get number fields. */
function resizeQuery(path: string): URLSearchParams | null {
  const [base = '', query = ''] = path.split(/\?(.*)/s)
  return /^(\/v\d+\.\d+)?\/(containers|exec)\/[^/]+\/resize$/.test(base)
    ? new URLSearchParams(query)
    : null
}

/** The path with one query parameter set (kept in its place) or removed when empty. */
function withQuery(path: string, name: string, value: string): string {
  const [base = '', query = ''] = path.split(/\?(.*)/s)
  const params = new URLSearchParams(query)
  if (value === '') params.delete(name)
  else params.set(name, value)
  const text = params.toString()
  return text === '' ? base : `${base}?${text}`
}

/**
 * Every endpoint as a starting point: ~100 options, which React compared and the browser
 * re-selected on each of the form's renders (each Send renders it twice). They change only with
 * the language.
 */
const PresetSelect = memo(function PresetSelect(props: {
  endpoints: readonly Endpoint[]
  language: keyof Endpoint['title']
  onPreset: (endpointId: string) => void
}) {
  const { endpoints, language, onPreset } = props
  const { t } = useI18n()
  return (
    <label className="filter preset">
      <span>{t('preset')}</span>
      <select value="" onChange={(event) => event.target.value && onPreset(event.target.value)}>
        <option value="">{t('choosePreset')}</option>
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id}>
            {endpoint.method} {endpoint.path} — {endpoint.title[language]}
          </option>
        ))}
      </select>
    </label>
  )
})

interface RequestFormProps {
  value: PlaygroundState
  endpoints: readonly Endpoint[]
  busy: boolean
  onChange: (change: Partial<PlaygroundState>) => void
  onPreset: (endpointId: string) => void
  onSend: () => void
  onStop: () => void
  onReset: () => void
  /** A curl command pasted into the path field: fills the whole form (see paste-curl.tsx). */
  onPasteCurl?: (command: string) => void
}

export function RequestForm(props: RequestFormProps) {
  const { value, endpoints, busy, onChange, onPreset, onSend, onStop, onReset, onPasteCurl } = props
  const { t, language } = useI18n()
  const choosePreset = useStableHandler(onPreset)
  const methods: Choice<PlaygroundMethod>[] = PLAYGROUND_METHODS.map((m) => ({
    value: m,
    label: m,
  }))
  const contentTypes: Choice<PlaygroundContentType>[] = CONTENT_TYPES.map((c) => ({
    value: c,
    label: c || t('noContentType'),
  }))
  const versions = DOCKER_VERSIONS.map((v) => ({ value: v, label: `Docker ${v}` }))
  const resize = resizeQuery(value.path)
  return (
    <form
      className="request-form"
      aria-label={t('send')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!busy) onSend()
      }}
      onKeyDown={(event) => {
        // Ctrl+Enter (⌘+Enter) sends from any field, the body's textarea included.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          if (!busy) onSend()
        }
      }}
    >
      <div className="request-row">
        <SelectField
          label={t('dockerVersion')}
          value={value.docker}
          choices={versions}
          onChange={(docker) => onChange({ docker })}
        />
        <PresetSelect endpoints={endpoints} language={language} onPreset={choosePreset} />
      </div>
      <div className="request-row">
        <SelectField
          label={t('requestMethod')}
          value={value.method}
          choices={methods}
          onChange={(method) => onChange({ method })}
        />
        <label className="filter request-path">
          <span>{t('requestPath')}</span>
          <input
            value={value.path}
            spellCheck={false}
            maxLength={2000}
            onChange={(event) => onChange({ path: event.target.value })}
            onPaste={(event) => {
              const text = event.clipboardData.getData('text')
              if (onPasteCurl && /^\s*curl\s/.test(text)) {
                event.preventDefault()
                onPasteCurl(text)
              }
            }}
          />
        </label>
        <SelectField
          label={t('requestContentType')}
          value={value.contentType}
          choices={contentTypes}
          onChange={(contentType) => onChange({ contentType })}
        />
      </div>
      {resize && (
        <div className="request-row">
          {(['h', 'w'] as const).map((name) => (
            <label key={name} className="filter resize-field">
              <span>{name === 'h' ? t('resizeHeight') : t('resizeWidth')}</span>
              <input
                type="number"
                min={0}
                max={65535}
                value={resize.get(name) ?? ''}
                onChange={(event) =>
                  onChange({ path: withQuery(value.path, name, event.target.value) })
                }
              />
            </label>
          ))}
        </div>
      )}
      <label className="filter request-body">
        <span>{t('requestBody')}</span>
        <textarea
          value={value.body}
          rows={6}
          spellCheck={false}
          onChange={(event) => onChange({ body: event.target.value })}
        />
      </label>
      {value.body.length > MAX_LINK_BODY && (
        <p className="muted" role="status">
          {t('bodyTooLongForLink', { max: MAX_LINK_BODY })}
        </p>
      )}
      <div className="filter-actions">
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('resetConfirm', { version: value.docker }))) onReset()
          }}
        >
          {t('resetDaemon')}
        </button>
        <span className="muted shortcut-hint">{t('sendShortcut')}</span>
        {/* Distinct keys: reusing one <button> would turn Stop into a submit button during
            its own click, and the browser would then send the request again. */}
        {busy ? (
          <button key="stop" type="button" onClick={onStop}>
            {t('stop')}
          </button>
        ) : (
          <button key="send" type="submit" className="primary">
            {t('send')}
          </button>
        )}
      </div>
    </form>
  )
}
