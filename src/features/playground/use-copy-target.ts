import { useCallback, useState } from 'react'
import { readStoredJson, writeStored } from '../../lib/storage.ts'
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

function parseTarget(value: unknown): CopyTarget | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Partial<CopyTarget>
  return {
    via: v.via === 'tcp' ? 'tcp' : 'socket',
    socket: typeof v.socket === 'string' && v.socket !== '' ? v.socket : DEFAULT_SOCKET,
    tcp: typeof v.tcp === 'string' && v.tcp !== '' ? v.tcp : DEFAULT_TCP,
  }
}

const read = (): CopyTarget => readStoredJson(KEY, parseTarget) ?? DEFAULT

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
      // Not remembered when storage refuses: the choice holds for this page.
      writeStored(KEY, JSON.stringify(merged))
      return merged
    })
  }, [])
  return [target, change] as const
}
