import { memo, useState } from 'react'
import './playground-tools.css'
// The lessons' and playground's strings travel with these chunks, not with the first page.
import '../../lib/i18n/feature-messages.ts'
import '../../lib/i18n/classroom-messages.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import {
  type CopyRequest,
  curlTcp,
  curlUnixSocket,
  dockerCommand,
  dockerodeCall,
  kubeletCall,
} from './copy-as.ts'
import type { CopyTarget } from './use-copy-target.ts'

type Format = 'curl-socket' | 'curl-tcp' | 'docker' | 'dockerode' | 'go'

/** Copies text to the clipboard; false when the browser refuses (insecure context, denied). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

interface CopyMenuProps {
  request: CopyRequest
  target: CopyTarget
  onTarget: (change: Partial<CopyTarget>) => void
  /** The id or name in the path when it names something only the browser's daemon has. */
  browserOnly?: string | null
}

/**
 * "Copy as": the request in five forms, shown before copying so it can also be read or selected.
 * Memoised: its props change with the request, not with each Send.
 */
export const CopyMenu = memo(function CopyMenu({
  request,
  target,
  onTarget,
  browserOnly,
}: CopyMenuProps) {
  const { t } = useI18n()
  const [format, setFormat] = useState<Format>(target.via === 'tcp' ? 'curl-tcp' : 'curl-socket')
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const kubelet = kubeletCall(request)
  const docker = dockerCommand(request)
  const text =
    format === 'curl-socket'
      ? curlUnixSocket(request, target.socket)
      : format === 'curl-tcp'
        ? curlTcp(request, `http://${target.tcp}`)
        : format === 'docker'
          ? (docker ?? t('noDockerCommand'))
          : format === 'dockerode'
            ? dockerodeCall(request)
            : (kubelet?.code ?? t('kubeletNeverCalls'))
  const copyable = !(format === 'docker' && !docker) && !(format === 'go' && !kubelet)
  return (
    <details className="copy-menu">
      <summary>{t('copyAs')}</summary>
      <div className="copy-row">
        <label className="filter">
          <span>{t('copyFormat')}</span>
          <select
            value={format}
            onChange={(event) => {
              const next = event.target.value as Format
              setFormat(next)
              setCopied(null)
              if (next === 'curl-socket') onTarget({ via: 'socket' })
              if (next === 'curl-tcp') onTarget({ via: 'tcp' })
            }}
          >
            <option value="curl-socket">curl --unix-socket</option>
            <option value="curl-tcp">curl (TCP, npm run daemon)</option>
            <option value="docker">docker CLI</option>
            <option value="dockerode">dockerode</option>
            <option value="go">{t('copyGo')}</option>
          </select>
        </label>
        {(format === 'curl-socket' || format === 'curl-tcp') && (
          <label className="filter copy-address">
            <span>{format === 'curl-socket' ? t('copySocketPath') : t('copyTcpAddress')}</span>
            <input
              value={format === 'curl-socket' ? target.socket : target.tcp}
              spellCheck={false}
              onChange={(event) =>
                onTarget(
                  format === 'curl-socket'
                    ? { socket: event.target.value }
                    : { tcp: event.target.value },
                )
              }
            />
          </label>
        )}
        <button
          type="button"
          disabled={!copyable}
          onClick={async () => setCopied((await copyText(text)) ? 'yes' : 'no')}
        >
          {t('copy')}
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : ''}
        </span>
      </div>
      {browserOnly && format !== 'go' && (
        <p className="callout" role="note">
          {t('copyBrowserOnly', { id: browserOnly })}
        </p>
      )}
      <pre className="copy-preview">
        <code>{text}</code>
      </pre>
      {format === 'go' && kubelet?.sourceUrl && (
        <p>
          <a href={kubelet.sourceUrl}>{kubelet.sourceLabel}</a>
        </p>
      )}
    </details>
  )
})
