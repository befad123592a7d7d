import { useState } from 'react'
import '../../lib/i18n/classroom-messages.ts'
import type { MessageKey } from '../../lib/i18n/en.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { type CurlNote, type CurlProblem, parseCurl } from './curl-parse.ts'
import type { PlaygroundState } from './playground-url.ts'

const PROBLEM: Record<CurlProblem['kind'], MessageKey> = {
  'not-curl': 'curlNotCurl',
  'unclosed-quote': 'curlUnclosedQuote',
  'shell-syntax': 'curlShellSyntax',
  'unknown-option': 'curlUnknownOption',
  'missing-value': 'curlMissingValue',
  'data-file': 'curlDataFile',
  method: 'curlMethod',
  url: 'curlUrl',
  'no-url': 'curlNoUrl',
  'two-urls': 'curlTwoUrls',
}
const NOTE: Record<CurlNote['kind'], MessageKey> = {
  'header-ignored': 'curlHeaderIgnored',
  'content-type': 'curlContentType',
  'form-body': 'curlFormBody',
}

type Outcome = { ok: true; lines: string[] } | { ok: false; line: string }

/** Parses `command` and fills the form, or says which part it could not read. */
export function useCurlPaste(onChange: (change: Partial<PlaygroundState>) => void) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const paste = (command: string): boolean => {
    const result = parseCurl(command)
    if (!result.ok) {
      setOutcome({
        ok: false,
        line: t(PROBLEM[result.problem.kind], { part: result.problem.part }),
      })
      return false
    }
    onChange(result.request)
    setOutcome({
      ok: true,
      lines: [
        t('curlFilled', { request: `${result.request.method} ${result.request.path}` }),
        ...result.notes.map((note) => t(NOTE[note.kind], { part: note.part })),
      ],
    })
    return true
  }
  const message =
    outcome === null ? null : outcome.ok ? (
      <div role="status" className="callout">
        {outcome.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    ) : (
      <p role="alert" className="callout callout-wrong">
        {outcome.line}
      </p>
    )
  return { paste, message, clear: () => setOutcome(null) }
}

/** A box to paste a curl command into; pasting one into the path field does the same. */
export function PasteCurl({ onPaste }: { onPaste: (command: string) => boolean }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  return (
    <details className="paste-curl">
      <summary>{t('curlPasteSummary')}</summary>
      <label className="filter request-body">
        <span>{t('curlPasteLabel')}</span>
        <textarea
          value={text}
          rows={3}
          spellCheck={false}
          placeholder="curl --unix-socket /var/run/docker.sock -X POST http://localhost/v1.24/…"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => onPaste(text) && setText('')}
      >
        {t('curlPasteFill')}
      </button>
    </details>
  )
}
