import { type SetStateAction, useCallback, useState } from 'react'
import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { loadHistory, saveHistory } from './history-store.ts'

/** The playground's history for one Docker version, saved on every change. */
export function useHistory(version: string) {
  const [state, setState] = useState(() => ({ version, history: loadHistory(version) }))
  // Another version is another daemon with its own history: read it when the version changes.
  const current = state.version === version ? state : { version, history: loadHistory(version) }
  if (current !== state) setState(current)
  const setHistory = useCallback(
    (action: SetStateAction<Exchange[]>) =>
      setState((previous) => {
        const history = typeof action === 'function' ? action(previous.history) : action
        saveHistory(previous.version, history)
        return { version: previous.version, history }
      }),
    [],
  )
  return [current.history, setHistory] as const
}
