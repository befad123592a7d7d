import { useCallback, useState } from 'react'
import { DEFAULT_SOCKET, DEFAULT_TCP, type ScriptTarget } from './history-script.ts'

/**
 * Where copied curl commands and the exported script send their requests: the Unix socket dockerd
 * listens on, or a TCP address (`npm run daemon` listens on 127.0.0.1:2375 unless told
 * otherwise). Both addresses are kept, so switching back and forth loses neither; remembered in
 * localStorage like the theme.
 */
export interface CopyTarget {
  via: 'socket' | 'tcp'
  socket: string
  tcp: string
}

const KEY = 'docker-api-explorer:copy-target'
const DEFAULT: CopyTarget = { via: 'socket', socket: DEFAULT_SOCKET, tcp: DEFAULT_TCP }

function read(): CopyTarget {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null')
    if (typeof value !== 'object' || value === null) return DEFAULT
    const v = value as Partial<CopyTarget>
    return {
      via: v.via === 'tcp' ? 'tcp' : 'socket',
      socket: typeof v.socket === 'string' && v.socket !== '' ? v.socket : DEFAULT_SOCKET,
      tcp: typeof v.tcp === 'string' && v.tcp !== '' ? v.tcp : DEFAULT_TCP,
    }
  } catch {
    return DEFAULT
  }
}

export function scriptTarget(target: CopyTarget): ScriptTarget {
  return target.via === 'socket'
    ? { via: 'socket', path: target.socket || DEFAULT_SOCKET }
    : { via: 'tcp', address: target.tcp || DEFAULT_TCP }
}

export function useCopyTarget() {
  const [target, setTarget] = useState(read)
  const change = useCallback((next: Partial<CopyTarget>) => {
    setTarget((previous) => {
      const merged = { ...previous, ...next }
      try {
        window.localStorage.setItem(KEY, JSON.stringify(merged))
      } catch {
        // Not remembered: the choice holds for this page.
      }
      return merged
    })
  }, [])
  return [target, change] as const
}
