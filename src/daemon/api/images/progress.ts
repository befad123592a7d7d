import type { JsonObject } from '../../model/state.ts'
import { goJSONValue, utf8 } from '../http.ts'

/**
 * pkg/streamformatter's line end: FormatStream, FormatStatus, FormatError and FormatProgress all
 * append `streamNewline = "\r\n"` to the json.Marshal output (not json.Encoder's "\n").
 * @see moby pkg/streamformatter/streamformatter.go at v1.12.6
 */
const STREAM_NEWLINE = '\r\n'

/** One JSON message of a progress stream (pull, push, import, build, load). */
export function progressLine(v: JsonObject): Uint8Array {
  return utf8(`${goJSONValue(v)}${STREAM_NEWLINE}`)
}

/** `streamformatter.FormatError` */
export function streamError(message: string): Uint8Array {
  return utf8(`${goJSONValue({ errorDetail: { message }, error: message })}${STREAM_NEWLINE}`)
}

/** The `progress` text of a progress message: a 50-wide bar and `current/total` sizes. */
export function bar(current: number, total: number): string {
  const width = 50
  const filled = Math.max(0, Math.min(width, Math.floor((current / total) * width)))
  const arrow = filled < width ? '>' : ''
  const human = (n: number) =>
    n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`
  return `[${'='.repeat(Math.max(0, filled - (arrow ? 1 : 0)))}${arrow}${' '.repeat(width - filled)}] ${human(current)}/${human(total)}`
}
