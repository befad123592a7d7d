import { conflict, DaemonError, errorMessage, untyped } from '../../errors.ts'
import { ChunkQueue } from '../../model/events.ts'
import { type ContainerRecord, isRunning, type LogEntry } from '../../model/state.ts'
import { detachKeyBytes, HijackedStdin, withEnd } from '../../terminal/stdin-session.ts'
import { DAEMON_STDIN_HEADER, type DaemonResponse } from '../../types.ts'
import { parseGoInt } from '../../wire/filters.ts'
import { frame } from '../../wire/stdcopy.ts'
import { boolValue, type Ctx, type Handler, isObject } from '../context.ts'
import { stream, TEXT_TYPE, utf8 } from '../http.ts'

/**
 * A container's output: GET /logs, POST /attach and GET /attach/ws.
 * @see moby daemon/logs.go, daemon/attach.go at v1.12.6
 */

const RAW_STREAM = 'application/vnd.docker.raw-stream'

/** json-file's fixed-width RFC 3339 (9 fractional digits): `jsonlog.RFC3339NanoFixed`. */
function fixedNano(t: string): string {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(t)
  if (m === null) return t
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`
}

function encodeEntry(entry: LogEntry, tty: boolean, timestamps: boolean): Uint8Array {
  const text = timestamps ? entry.text.replace(/^(?=.)/gm, `${fixedNano(entry.time)} `) : entry.text
  return tty ? utf8(text) : frame(entry.stream, text)
}

function sinceNs(value: string | null): number {
  if (value === null || value === '') return 0
  const [s = '', n] = value.split('.', 2)
  const secs = parseGoInt(s)
  const nanos = n === undefined ? 0 : parseGoInt(n) * 10 ** (9 - n.length)
  return secs * 1e9 + nanos
}

export const logs: Handler = (ctx) => {
  const e = ctx.engine
  const stdout = boolValue(ctx, 'stdout')
  const stderr = boolValue(ctx, 'stderr')
  // Checked in the router before the container lookup (keyword `bad parameter` → 400).
  if (!stdout && !stderr) throw untyped('Bad parameters: you must choose at least one stream')
  const c = e.registry.getContainer(ctx.param)
  // Only json-file and journald can be read back (logger.LogReader); see daemon/logs.go.
  const logType = isObject(c.hostConfig.LogConfig) ? String(c.hostConfig.LogConfig.Type ?? '') : ''
  if (logType !== '' && logType !== 'json-file' && logType !== 'journald') {
    throw untyped('configured logging reader does not support reading')
  }
  const since = sinceNs(ctx.query.get('since'))
  const tailText = ctx.query.get('tail') ?? ''
  const tail = /^[+-]?\d+$/.test(tailText) ? Number.parseInt(tailText, 10) : -1
  const tty = c.config.Tty === true
  const timestamps = boolValue(ctx, 'timestamps')
  const wanted = (entry: LogEntry) => (entry.stream === 1 ? stdout : stderr)
  let entries = c.logs.filter(
    (x) => wanted(x) && (since === 0 || Date.parse(x.time) * 1e6 >= since),
  )
  if (tail >= 0) entries = tail === 0 ? [] : entries.slice(-tail)
  const chunks = entries.map((x) => encodeEntry(x, tty, timestamps))
  // No explicit Content-Type, but daemon/logs.go flushes before the first write, so Go
  // sniffs an empty body: text/plain even for multiplexed binary frames.
  if (boolValue(ctx, 'follow') && isRunning(c)) {
    const q = e.output.follow(c, (x) => (wanted(x) ? encodeEntry(x, tty, timestamps) : null))
    return stream(prepend(chunks, q), TEXT_TYPE)
  }
  const q = new ChunkQueue()
  for (const ch of chunks) q.push(ch)
  q.close()
  return stream(q, TEXT_TYPE)
}

async function* prepend(
  first: Uint8Array[],
  rest: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  yield* first
  yield* rest
}

/** daemon/attach.go: detach keys are parsed before the container lookup. */
function checkDetachKeys(ctx: Ctx): void {
  const keys = ctx.query.get('detachKeys') ?? ''
  if (
    keys !== '' &&
    !/^(ctrl-[a-z@[\\\]^_]|[^,]{1})(,(ctrl-[a-z@[\\\]^_]|[^,]{1}))*$/i.test(keys)
  ) {
    throw untyped(`Invalid escape keys (${keys}) provided`)
  }
}

/**
 * POST /attach: the real daemon hijacks the connection. Here the response is a stream of the
 * container's output (past output with logs=1, live output with stream=1), multiplexed unless
 * the container has a TTY. Errors are written the hijacked way: a status line and the message.
 */
export const attach: Handler = (ctx) => {
  const e = ctx.engine
  let c: ContainerRecord
  try {
    checkDetachKeys(ctx)
    c = e.registry.getContainer(ctx.param)
  } catch (err) {
    const status = err instanceof DaemonError ? err.status : 500
    return { status, headers: { 'content-type': RAW_STREAM }, body: `${errorMessage(err)}\r\n` }
  }
  if (c.state.status === 'paused') {
    return {
      status: 409,
      headers: { 'content-type': RAW_STREAM },
      body: `Container ${ctx.param} is paused. Unpause the container before attach\r\n`,
    }
  }
  const tty = c.config.Tty === true
  const useStdout = boolValue(ctx, 'stdout')
  const useStderr = boolValue(ctx, 'stderr')
  const wanted = (x: LogEntry) => (x.stream === 1 ? useStdout : useStderr)
  const chunks = boolValue(ctx, 'logs')
    ? c.logs.filter(wanted).map((x) => encodeEntry(x, tty, false))
    : []
  e.events.container(c, 'attach')
  const upgrade = ctx.req.headers.upgrade !== undefined
  const status = upgrade ? 101 : 200
  const headers: Record<string, string> = upgrade
    ? { 'content-type': RAW_STREAM, connection: 'Upgrade', upgrade: 'tcp' }
    : { 'content-type': RAW_STREAM }
  if (boolValue(ctx, 'stream')) {
    const q = e.output.follow(c, (x) => (wanted(x) ? encodeEntry(x, tty, false) : null), true)
    const session = boolValue(ctx, 'stdin') ? attachStdin(ctx, c, q) : null
    if (session !== null) headers[DAEMON_STDIN_HEADER] = session.token
    const body = prepend(chunks, q)
    return { status, headers, body: session === null ? body : withEnd(body, session.close) }
  }
  const q = new ChunkQueue()
  for (const ch of chunks) q.push(ch)
  q.close()
  return { status, headers, body: q }
}

/**
 * The client's stdin, when the container has one (Config.OpenStdin; otherwise AttachStreams
 * ignores it). Ending it ends this attach unless StdinOnce without a TTY closes the process's
 * stdin instead; the detach keys end it with a `detach` event.
 * @see moby daemon/attach.go containerAttach, container/container.go AttachStreams at v1.12.6
 */
function attachStdin(
  ctx: Ctx,
  c: ContainerRecord,
  q: ChunkQueue,
): { token: string; close: () => void } | null {
  const e = ctx.engine
  if (c.config.OpenStdin !== true) return null
  const keys = ctx.query.get('detachKeys') ?? ''
  let token = ''
  const session = new HijackedStdin({
    target: e.live.stdinOf({ container: c }),
    tty: c.config.Tty === true,
    stdinOnce: c.config.StdinOnce === true,
    detachKeys: keys === '' ? [] : detachKeyBytes(keys),
    endAttach: (detached) => {
      if (detached) e.events.container(c, 'detach')
      q.close()
      q.onCancel?.()
    },
    unregister: () => e.live.unregisterStdin(token),
  })
  token = e.live.registerStdin(session)
  return { token, close: () => session.close() }
}

/**
 * GET /attach/ws: the same attach over a WebSocket (golang.org/x/net/websocket). Detach keys
 * are parsed and the container looked up (404) and checked for pause (409) before the
 * handshake; a request that is not a WebSocket handshake gets the library's 400 with its
 * reason. Output is never multiplexed (MuxStreams false): stdout and stderr go out as they
 * come, one text frame per write; stdin, stdout and stderr are always attached (UseStdin and
 * friends are true), stdin only if the container has one open.
 * @see moby api/server/router/container/container_routes.go wsContainersAttach,
 * vendor/golang.org/x/net/websocket/hybi.go ReadHandshake at v1.12.6
 */
export const attachWebsocket: Handler = (ctx): DaemonResponse => {
  checkDetachKeys(ctx)
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  if (c.state.status === 'paused') {
    throw conflict(`Container ${ctx.param} is paused. Unpause the container before attach`)
  }
  const h = ctx.req.headers
  const badHandshake = (reason: string, extra: Record<string, string> = {}): DaemonResponse => ({
    status: 400,
    headers: extra,
    body: reason,
  })
  if (
    (h.upgrade ?? '').toLowerCase() !== 'websocket' ||
    !(h.connection ?? '').toLowerCase().includes('upgrade')
  ) {
    return badHandshake('not websocket protocol')
  }
  if ((h['sec-websocket-key'] ?? '') === '') return badHandshake('mismatch challenge/response')
  if (h['sec-websocket-version'] !== '13') {
    return badHandshake('missing or bad WebSocket Version', { 'sec-websocket-version': '13' })
  }
  const chunks = boolValue(ctx, 'logs') ? c.logs.map((x) => utf8(x.text)) : []
  e.events.container(c, 'attach')
  const headers: Record<string, string> = { upgrade: 'websocket', connection: 'Upgrade' }
  if (!boolValue(ctx, 'stream')) {
    const q = new ChunkQueue()
    for (const ch of chunks) q.push(ch)
    q.close()
    return { status: 101, headers, body: q }
  }
  const q = e.output.follow(c, (x) => utf8(x.text), true)
  const session = attachStdin(ctx, c, q)
  if (session !== null) headers[DAEMON_STDIN_HEADER] = session.token
  const body = prepend(chunks, q)
  return { status: 101, headers, body: session === null ? body : withEnd(body, session.close) }
}
