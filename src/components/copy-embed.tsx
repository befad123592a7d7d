import { useState } from 'react'
import { useI18n } from '../lib/i18n/index.tsx'

/** The message an embed sends its parent, and the few lines that size the iframe by it. */
const RESIZE_SCRIPT =
  "<script>addEventListener('message',function(e){var d=e.data;if(d&&d.type==='docker-api-explorer:height')document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+'px'})})</script>"

/** The HTML an author pastes: an iframe of embed.html with `query`, and the height listener. */
export function embedCode(query: string, title: string, base = document.baseURI): string {
  const src = new URL(`embed.html?${query}`, base).href
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return `<iframe src="${src.replace(/&/g, '&amp;')}" title="${escaped}" style="width:100%;border:0" height="480" loading="lazy"></iframe>\n${RESIZE_SCRIPT}`
}

/** "Copy embed code": the code goes to the clipboard, or shows to be selected when it cannot. */
export function CopyEmbed({ query, title }: { query: string; title: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'copied' | 'failed' | null>(null)
  const code = embedCode(query, title)
  return (
    <span className="copy-embed">
      <button
        type="button"
        className="small-button"
        onClick={() =>
          navigator.clipboard.writeText(code).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }
      >
        {t('copyEmbed')}
      </button>{' '}
      {state === 'copied' && (
        <span role="status" className="muted">
          {t('embedCopied')}
        </span>
      )}
      {state === 'failed' && (
        <textarea readOnly aria-label={t('copyEmbed')} value={code} rows={4} />
      )}
    </span>
  )
}
