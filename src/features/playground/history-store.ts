import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { toPlaygroundRequest } from '../../lib/daemon-client/to-playground-request.ts'
import { readStored } from '../../lib/storage.ts'
import { writeStoredSoon } from '../../lib/storage-soon.ts'

/**
 * The playground's history, kept per Docker version in localStorage next to that version's
 * daemon, so a reload keeps both. Bodies are stored cut to a few KB (as latin1, byte for byte);
 * an entry that does not read back is dropped, never fatal. Export and import use the same JSON.
 */
export const HISTORY_LIMIT = 20
const BODY_LIMIT = 16 * 1024
const key = (version: string) => `docker-api-explorer:history:${version}`

interface StoredExchange {
  id: number
  request: { method: string; path: string; body: string; contentType: string }
  status: number
  headers: [string, string][]
  body: string
  truncated: boolean
  stopped: boolean
  ms: number
}

const latin1 = new TextDecoder('latin1')

function toStored(exchange: Exchange): StoredExchange {
  const cut = exchange.body.length > BODY_LIMIT
  return {
    ...exchange,
    body: latin1.decode(exchange.body.subarray(0, BODY_LIMIT)),
    truncated: exchange.truncated || cut,
  }
}

function fromStored(value: unknown): Exchange | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Partial<StoredExchange>
  if (
    typeof v.id !== 'number' ||
    typeof v.status !== 'number' ||
    typeof v.body !== 'string' ||
    typeof v.request !== 'object' ||
    v.request === null ||
    typeof v.request.path !== 'string' ||
    typeof v.request.method !== 'string' ||
    !Array.isArray(v.headers)
  )
    return null
  const body = new Uint8Array(v.body.length)
  for (let i = 0; i < v.body.length; i++) body[i] = v.body.charCodeAt(i) & 0xff
  return {
    id: v.id,
    request: toPlaygroundRequest({
      method: v.request.method,
      path: v.request.path,
      body: typeof v.request.body === 'string' ? v.request.body : '',
      contentType: typeof v.request.contentType === 'string' ? v.request.contentType : '',
    }),
    status: v.status,
    headers: v.headers.filter(
      (h): h is [string, string] =>
        Array.isArray(h) && typeof h[0] === 'string' && typeof h[1] === 'string',
    ),
    body,
    truncated: v.truncated === true,
    stopped: v.stopped === true,
    ms: typeof v.ms === 'number' ? v.ms : 0,
  }
}

/** History as JSON (export, storage). */
export function historyToJson(history: readonly Exchange[]): string {
  return JSON.stringify({ history: history.map(toStored) }, null, 1)
}

/** Reads exported or stored JSON; throws for something that is not a history at all. */
export function historyFromJson(json: string): Exchange[] {
  const parsed: unknown = JSON.parse(json)
  const list =
    typeof parsed === 'object' && parsed !== null && 'history' in parsed
      ? (parsed as { history: unknown }).history
      : parsed
  if (!Array.isArray(list)) throw new Error('expected {"history": [...]}')
  // Restored entries get negative ids, so they never collide with the ids new requests get.
  return list
    .map(fromStored)
    .filter((e): e is Exchange => e !== null)
    .slice(0, HISTORY_LIMIT)
    .map((e, i) => ({ ...e, id: -(i + 1) }))
}

/**
 * Adds a finished exchange where it was sent, not where it finished: a stream (an attached exec
 * start) ends after the requests sent while it was open, and the history, its export and its
 * script must keep them after it. Ids grow with each send; restored entries count up from below 0.
 */
export function addToHistory(history: readonly Exchange[], done: Exchange): Exchange[] {
  const at = history.findIndex((e) => e.id < done.id)
  const next = at < 0 ? [...history, done] : [...history.slice(0, at), done, ...history.slice(at)]
  return next.slice(0, HISTORY_LIMIT)
}

export function loadHistory(version: string): Exchange[] {
  const raw = readStored(key(version))
  if (raw === null) return []
  try {
    return historyFromJson(raw)
  } catch {
    return []
  }
}

/** Saves once the page is idle (or hides): serialising the history is not on a Send's way to the screen. */
export function saveHistory(version: string, history: readonly Exchange[]): void {
  // Storage full or disabled: the history lasts for this page only.
  writeStoredSoon(key(version), () => (history.length === 0 ? null : historyToJson(history)))
}
