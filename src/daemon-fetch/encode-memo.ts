/**
 * The UTF-8 bytes of a string body, with the last large one remembered.
 *
 * The daemon's list cache hands back the very same string for a repeated `GET /containers/json`
 * while nothing in it changed (a kubelet relists every second), and encoding it cost more than
 * the rest of the request: for 100 containers (a 78 KB list) 70–220 µs to encode, and a list
 * through `daemonFetch`, drained as the server drains it, took 65–140 µs with the memo against
 * 205–680 µs without (one process, a loaded 2-core machine; `bench/daemon-profile.ts fetch-list`).
 * Any other string is compared by content first, so the bytes always match the text.
 * Nobody writes to the bytes (a Response body is read, not written); should a consumer detach
 * them (transfer the buffer), they are encoded afresh.
 */

const encoder = new TextEncoder()

const lastEncoded = { text: '', bytes: new Uint8Array(0), length: 0 }
/** Below this the encode is cheaper than the comparison is worth. */
export const ENCODE_MEMO_MIN = 4096
/** Above this, holding a second copy of the body is not worth it. */
export const ENCODE_MEMO_MAX = 8 * 2 ** 20

export function encodeBody(text: string): Uint8Array<ArrayBuffer> {
  if (text.length < ENCODE_MEMO_MIN || text.length > ENCODE_MEMO_MAX) return encoder.encode(text)
  if (text !== lastEncoded.text || lastEncoded.bytes.byteLength !== lastEncoded.length) {
    lastEncoded.text = text
    lastEncoded.bytes = encoder.encode(text)
    lastEncoded.length = lastEncoded.bytes.byteLength
  }
  return lastEncoded.bytes
}
