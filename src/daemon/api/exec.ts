import { stateFull, storedSize } from '../engine/disk.ts'
import { execInput } from '../engine/process-input.ts'
import type { Engine } from '../engine.ts'
import { conflict, errNotRunning, errorMessage, notFound, untyped } from '../errors.ts'
import { ChunkQueue, heldByOutput, STREAM_LIMITS } from '../model/events.ts'
import { type ExecRecord, isRunning, type JsonObject, type LogEntry } from '../model/state.ts'
import { argvTooLong, plan } from '../process.ts'
import { detachKeyBytes, HijackedStdin, withEnd } from '../terminal/stdin-session.ts'
import { DAEMON_STDIN_HEADER, type DaemonResponse } from '../types.ts'
import { parseGoInt } from '../wire/filters.ts'
import { jsonKind, typeError } from '../wire/json.ts'
import { frame } from '../wire/stdcopy.ts'
import { statusText } from './containers/status.ts'
import {
  bodyJSON,
  type Ctx,
  checkForJSON,
  type Handler,
  isObject,
  versionGreater,
} from './context.ts'
import { checkKind, pick } from './create-config/decode-value.ts'
import type { Kind } from './create-config/fields.ts'
import { emptyOk, json, utf8 } from './http.ts'

/**
 * Exec routes.
 * @see moby api/server/router/container/exec.go and daemon/exec.go, daemon/resize.go at v1.12.6
 */

const RAW_STREAM = 'application/vnd.docker.raw-stream'

const errExecNotFound = (id: string) => notFound(`No such exec instance '${id}' found in daemon`)

/**
 * `getExecConfig`: the exec must exist and its container must still be registered and running.
 * An exec that finished before its container stopped stays in the store, and then the error is
 * the untyped `Container <id> is not running: <State.String()>` (500).
 */
function getExecConfig(e: Engine, id: string): ExecRecord {
  const ex = e.state.execs.get(id)
  if (ex !== undefined) {
    const c = e.state.containers.get(ex.containerId)
    if (c !== undefined) {
      if (!isRunning(c)) {
        throw untyped(`Container ${c.id} is not running: ${statusText(e, c)}`)
      }
      if (c.state.status === 'paused') {
        throw conflict(`Container ${c.id} is paused, unpause the container before exec`)
      }
      if (c.state.status === 'restarting') {
        throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
      }
      return ex
    }
  }
  throw errExecNotFound(id)
}

/**
 * `types.ExecConfig` (engine-api v0.4.0, vendored in v1.12.6) as `json.NewDecoder(…).Decode`
 * fills it. Unlike container.Config.Cmd (`strslice.StrSlice`, which also takes a single
 * string), ExecConfig.Cmd is a plain `[]string`: `"Cmd":"ls"` is Go's UnmarshalTypeError (500).
 */
const EXEC_CONFIG_KINDS: Record<string, Kind> = {
  User: 'string',
  Privileged: 'bool',
  Tty: 'bool',
  AttachStdin: 'bool',
  AttachStderr: 'bool',
  AttachStdout: 'bool',
  Detach: 'bool',
  DetachKeys: 'string',
  Cmd: 'strings',
}

function decodeExecConfig(body: unknown): JsonObject {
  if (body === null) return {}
  if (!isObject(body)) throw typeError(jsonKind(body), 'types.ExecConfig')
  // encoding/json reports the first type error in document order.
  for (const key of Object.keys(body)) {
    const kind = Object.hasOwn(EXEC_CONFIG_KINDS, key)
      ? EXEC_CONFIG_KINDS[key]
      : Object.entries(EXEC_CONFIG_KINDS).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]
    if (kind !== undefined) checkKind(body[key], kind)
  }
  return pick(body, EXEC_CONFIG_KINDS)
}

export const create: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const cfg = decodeExecConfig(bodyJSON(ctx))
  const cmd = Array.isArray(cfg.Cmd)
    ? cfg.Cmd.filter((x): x is string => typeof x === 'string')
    : []
  // Not "no command": this text has no status keyword, so it is a 500.
  if (cmd.length === 0) throw untyped('No exec command specified')
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'paused') {
    throw conflict(`Container ${ctx.param} is paused, unpause the container before exec`)
  }
  if (c.state.status === 'restarting') {
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
  }
  const detachKeys = typeof cfg.DetachKeys === 'string' ? cfg.DetachKeys : ''
  let keyBytes: number[] = []
  if (detachKeys !== '') {
    try {
      keyBytes = detachKeyBytes(detachKeys)
    } catch {
      throw untyped(`Invalid escape keys (${detachKeys}) provided`)
    }
  }
  const id = e.registry.newId()
  const user =
    typeof cfg.User === 'string' && cfg.User !== '' ? cfg.User : String(c.config.User ?? '')
  const ex: ExecRecord = {
    id,
    containerId: c.id,
    tty: cfg.Tty === true,
    attachStdin: cfg.AttachStdin === true,
    attachStdout: cfg.AttachStdout === true,
    attachStderr: cfg.AttachStderr === true,
    detachKeys: btoa(String.fromCharCode(...keyBytes)),
    privileged: cfg.Privileged === true,
    user,
    entrypoint: cmd[0] ?? '',
    arguments: cmd.slice(1),
    phase: 'created',
    exitCode: null,
    pid: 0,
    output: [],
    exitAt: null,
  }
  // Exec configs lived in the daemon's memory, not on disk: past the budget this is the
  // simulation's own limit (engine/disk.ts).
  if (!e.disk.charge({ kind: 'exec', id }, storedSize(cmd) + user.length)) {
    throw stateFull(e.disk.capacity)
  }
  e.state.execs.set(id, ex)
  c.execIds.push(id)
  e.events.container(c, `exec_create: ${ex.entrypoint} ${ex.arguments.join(' ')}`)
  return json(201, { Id: id })
}

/**
 * Starts the exec's process (the one driver runs it, as it runs containers'), or throws runc's
 * error (exit code 126). Its output goes to `onExecOutput` listeners; what it wrote before this
 * returns is also kept in `ex.output`.
 */
function run(e: Engine, ex: ExecRecord): void {
  const c = e.state.containers.get(ex.containerId)
  if (c === undefined) throw errExecNotFound(ex.id)
  if (ex.exitCode !== null) throw conflict(`Error: Exec command ${ex.id} has already run`)
  if (ex.phase === 'running') throw untyped(`Error: Exec command ${ex.id} is already running`)
  e.events.container(c, `exec_start: ${ex.entrypoint} ${ex.arguments.join(' ')}`)
  const input = execInput(
    c,
    ex,
    () => e.clock.nowMs(),
    () => e.hostSetup.etcFiles(c),
  )
  if (argvTooLong(input)) {
    // runc exec's init fails to exec (E2BIG) and reports it through its pipe, as it reports a
    // missing binary: the same form as the error below, with the kernel's text.
    ex.exitCode = 126
    throw untyped(
      'rpc error: code = 2 desc = "oci runtime error: exec failed: argument list too long"',
    )
  }
  const p = plan(input)
  if (p.kind === 'fails') {
    ex.exitCode = 126
    const reason = p.message.includes('no such file')
      ? `stat ${ex.entrypoint}: no such file or directory`
      : 'executable file not found in $PATH'
    throw untyped(
      `rpc error: code = 2 desc = "oci runtime error: exec failed: exec: \\"${ex.entrypoint}\\": ${reason}"`,
    )
  }
  ex.pid = e.registry.nextPid()
  ex.phase = 'running'
  ex.exitCode = null
  // Kept in the state so a restored snapshot still ends a `sleep 5` on time.
  ex.exitAt = p.runForMs === null ? null : e.clock.nowMs() + p.runForMs
  const out: LogEntry[] = []
  const stop = e.live.onExecOutput(ex.id, (stream, text) => {
    out.push({ stream, text, time: e.clock.nowString() })
  })
  // If it ends at once (`echo hi`), the exec is exited before this returns.
  e.live.spawnExec(ex, p)
  stop()
  ex.output = out
}

export const start: Handler = (ctx): DaemonResponse => {
  const e = ctx.engine
  if (versionGreater(ctx, '1.21')) checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const detach = isObject(body) && body.Detach === true
  const tty = isObject(body) && body.Tty === true
  // ExecExists runs first, so its errors (404 / 409 paused / 500 not running) are real statuses.
  const ex = getExecConfig(e, ctx.param)
  if (detach) {
    run(e, ex)
    return emptyOk()
  }
  // Attached: the connection is hijacked and 200 is already sent; later errors go in-stream.
  const upgrade = ctx.req.headers.upgrade !== undefined
  const headers: Record<string, string> = upgrade
    ? { 'content-type': RAW_STREAM, connection: 'Upgrade', upgrade: 'tcp' }
    : { 'content-type': RAW_STREAM }
  const q = new ChunkQueue(STREAM_LIMITS)
  // Framing follows the Tty of the *start* request (execStartCheck.Tty), not the exec's own;
  // only the streams the exec was created with (AttachStdout/AttachStderr) are connected.
  const encode = (stream: 1 | 2, text: string) => (tty ? utf8(text) : frame(stream, text))
  const wanted = (stream: 1 | 2) => (stream === 1 ? ex.attachStdout : ex.attachStderr)
  // A process that reads stdin writes as it goes (after this returns): listen before it starts.
  const unsubscribe = e.live.onExecOutput(ex.id, (stream, text) => {
    if (wanted(stream)) q.push(encode(stream, text))
  })
  let session: HijackedStdin | null = null
  const finish = (): void => {
    unsubscribe()
    session?.close()
    q.close()
  }
  try {
    run(e, ex)
  } catch (err) {
    q.push(encode(1, `${errorMessage(err)}\r\n`))
  }
  if (ex.phase === 'running') {
    if (ex.attachStdin) {
      const c = e.state.containers.get(ex.containerId)
      let token = ''
      session = heldByOutput(
        new HijackedStdin({
          target: e.live.stdinOf({ exec: ex }),
          tty: ex.tty,
          // ContainerExecStart passes stdinOnce = true.
          stdinOnce: true,
          detachKeys: [...atob(ex.detachKeys)].map((ch) => ch.charCodeAt(0)),
          endAttach: (detached) => {
            if (detached && c !== undefined) e.events.container(c, 'exec_detach')
            finish()
          },
          unregister: () => e.live.unregisterStdin(token),
        }),
        q,
      )
      token = e.live.registerStdin(session)
      headers[DAEMON_STDIN_HEADER] = token
    }
    e.execs.onEnd(ex.id, finish)
  } else {
    finish()
  }
  return { status: upgrade ? 101 : 200, headers, body: withEnd(q, finish) }
}

/**
 * Success writes nothing, so Go sends **200** with an empty body — although the v1.24 doc
 * says 201 (the swagger was corrected to 200 only years later).
 * h/w are parsed before the exec lookup. An exec whose process is not (or no longer) in
 * containerd answers containerd's "process not found" (404 through the `not found` keyword).
 * @see moby api/server/router/container/exec.go postContainerExecResize, daemon/resize.go,
 * libcontainerd/client_linux.go Resize at v1.12.6
 */
export const resize: Handler = (ctx) => {
  const e = ctx.engine
  parseGoInt(ctx.query.get('h') ?? '', 64)
  parseGoInt(ctx.query.get('w') ?? '', 64)
  const ex = getExecConfig(e, ctx.param)
  if (ex.phase !== 'running') {
    throw untyped('rpc error: code = 2 desc = containerd: process not found for container')
  }
  e.live.resizeTty(
    { exec: ex },
    parseGoInt(ctx.query.get('h') ?? '', 64),
    parseGoInt(ctx.query.get('w') ?? '', 64),
  )
  return emptyOk()
}

export const inspect: Handler = (ctx: Ctx) => {
  const e = ctx.engine
  const ex = getExecConfig(e, ctx.param)
  return json(200, {
    ID: ex.id,
    Running: ex.phase === 'running',
    ExitCode: ex.exitCode,
    ProcessConfig: {
      tty: ex.tty,
      entrypoint: ex.entrypoint,
      arguments: ex.arguments,
      privileged: ex.privileged,
      ...(ex.user !== '' ? { user: ex.user } : {}),
    },
    OpenStdin: ex.attachStdin,
    OpenStderr: ex.attachStderr,
    OpenStdout: ex.attachStdout,
    CanRemove: false,
    ContainerID: ex.containerId,
    DetachKeys: ex.detachKeys,
  })
}
