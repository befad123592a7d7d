import type { DaemonResponse } from '../types.ts'

/**
 * Response builders mirroring moby's `httputils.WriteJSON` and the Go net/http defaults.
 * @see moby api/server/httputils/httputils.go at v1.12.6
 */

export const JSON_TYPE = 'application/json'
/** What Go's net/http sniffs for an empty or text body (and what `http.Error` sets). */
export const TEXT_TYPE = 'text/plain; charset=utf-8'

/**
 * Go's json.Encoder escapes <, > and & (and U+2028/U+2029) for HTML safety, and appends "\n".
 * JSON.stringify does neither, so we patch the output (safe: these characters can only occur
 * inside strings in JSON text).
 */
export function goJSON(value: unknown): string {
  return `${goJSONValue(value ?? null)}\n`
}

const GO_ESCAPED = /[<>&\u2028\u2029]/

/** `goJSON` without the trailing newline: one value, to be embedded in a larger document. */
export function goJSONValue(value: unknown): string {
  const text = JSON.stringify(value)
  // Most documents have none of these characters: one scan instead of five replaces.
  if (!GO_ESCAPED.test(text)) return text
  return text
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function json(status: number, value: unknown): DaemonResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: goJSON(value) }
}

/** 204 handlers write only the status: no body and no Content-Type. */
export function noContent(): DaemonResponse {
  return { status: 204, headers: {}, body: null }
}

/**
 * Handlers that return nil without writing (resize, exec resize, OPTIONS, exec start detached):
 * Go answers 200 with an empty body and sniffs text/plain.
 */
export function emptyOk(status = 200): DaemonResponse {
  return { status, headers: { 'content-type': TEXT_TYPE }, body: '' }
}

export function text(status: number, body: string, contentType = TEXT_TYPE): DaemonResponse {
  return { status, headers: { 'content-type': contentType }, body }
}

export function bytes(status: number, body: Uint8Array, contentType: string): DaemonResponse {
  return { status, headers: { 'content-type': contentType }, body }
}

export function stream(
  body: AsyncIterable<Uint8Array>,
  contentType: string | null,
  status = 200,
): DaemonResponse {
  return { status, headers: contentType === null ? {} : { 'content-type': contentType }, body }
}

const encoder = new TextEncoder()
export const utf8 = (s: string): Uint8Array => encoder.encode(s)
const decoder = new TextDecoder()
export const fromUtf8 = (b: Uint8Array | null): string => (b === null ? '' : decoder.decode(b))
