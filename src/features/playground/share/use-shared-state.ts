import { useCallback, useEffect, useState } from 'react'
import { listContainers } from '../../../daemon/index.ts'
import type { DaemonSession } from '../../../lib/daemon-client/daemon-session.ts'
import type { Exchange } from '../../../lib/daemon-client/send-request.ts'
import { toPlaygroundRequest } from '../../../lib/daemon-client/to-playground-request.ts'
import { useI18n } from '../../../lib/i18n/index.tsx'
import type { PlaygroundState } from '../playground-url.ts'
import { decodeShare, fromBase64Url, type SharedDaemon } from './share-codec.ts'
import { shareProblem } from './share-panel.tsx'

/** Shared requests as history entries, newest first (their answers' bodies are not carried). */
function toExchanges(shared: SharedDaemon): Exchange[] {
  return shared.history
    .map((h, i) => ({
      id: -(shared.history.length - i),
      request: toPlaygroundRequest(h),
      status: h.status,
      headers: h.length === null ? [] : ([['content-length', h.length]] as [string, string][]),
      body: new Uint8Array(0),
      truncated: true,
      stopped: false,
      ms: 0,
    }))
    .reverse()
}

interface Options {
  session: DaemonSession | null
  history: readonly Exchange[]
  setHistory: (history: Exchange[]) => void
  setRequest: (change: Partial<PlaygroundState>) => void
}

/**
 * Opens a shared daemon: from the page's `#share=` link once the playground starts, or from a
 * file. A changed, cut or foreign one is refused with a message and nothing changes; a daemon
 * that holds containers or a history is replaced only after the reader says so.
 */
export function useSharedState({ session, history, setHistory, setRequest }: Options) {
  const { t } = useI18n()
  const [pending, setPending] = useState<SharedDaemon | null>(null)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)

  useEffect(() => {
    const read = () => {
      const match = /^#share=(.*)$/s.exec(window.location.hash)
      if (!match) return
      // The state leaves the address bar: a reload must not offer to replace it again.
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`)
      // fromBase64Url throws at once for a cut link: inside the promise, so it gets its message.
      Promise.resolve(match[1] ?? '')
        .then((text) => decodeShare(fromBase64Url(text)))
        .then(setPending, (error: unknown) =>
          setMessage({ text: t(shareProblem(error)), ok: false }),
        )
    }
    read()
    // A link opened in a tab already showing the playground changes only the hash.
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [t])

  useEffect(() => {
    if (!pending || !session) return
    // Another Docker version is another daemon: switch first, then open it there.
    if (session.version !== pending.dockerVersion) {
      setRequest({ docker: pending.dockerVersion })
      return
    }
    setPending(null)
    const containers = listContainers(session.daemon.state).length
    const holds = containers > 0 || history.length > 0
    if (
      holds &&
      !window.confirm(t('shareReplaceConfirm', { containers, requests: history.length }))
    ) {
      setMessage({ text: t('shareKept'), ok: true })
      return
    }
    try {
      session.daemon.restore(pending.snapshot)
    } catch (error) {
      setMessage({ text: t(shareProblem(error)), ok: false })
      return
    }
    session.persist()
    setHistory(toExchanges(pending))
    setMessage({
      text: t('shareOpened', {
        containers: listContainers(session.daemon.state).length,
        requests: pending.history.length,
      }),
      ok: true,
    })
  }, [pending, session, history.length, setHistory, setRequest, t])

  const open = useCallback((shared: SharedDaemon) => setPending(shared), [])
  return { open, message }
}
