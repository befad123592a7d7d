import { dyingWords } from '../../dying-words.ts'
import { argv } from '../../engine/process-input.ts'
import type { Engine } from '../../engine.ts'
import { badRequest, conflict, DaemonError, errNotRunning, untyped, wrap } from '../../errors.ts'
import { type ContainerRecord, isRunning, type JsonObject } from '../../model/state.ts'
import { parseSignal, terminates, validSignal } from '../../signals.ts'
import { jsonKind, typeError } from '../../wire/json.ts'
import {
  bodyJSON,
  boolValue,
  checkForJSON,
  type Handler,
  isObject,
  versionGTE,
} from '../context.ts'
import { defaultHostConfig, withZeroValues } from '../create-config/defaults.ts'
import { str } from '../create-config/read.ts'
import { wrapperHostConfig } from '../create-config/wrapper.ts'
import { json, noContent } from '../http.ts'
import { adaptSettings, verifySettings } from '../verify-settings.ts'

/**
 * Start, stop, restart, kill, pause, unpause, rename, wait and delete.
 * @see moby daemon/start.go, stop.go, restart.go, kill.go, pause.go, rename.go, wait.go,
 * delete.go at v1.12.6
 */

export const start: Handler = (ctx) => {
  const e = ctx.engine
  const body = ctx.req.body
  const length = body?.length ?? 0
  const chunked = (ctx.req.headers['transfer-encoding'] ?? '').toLowerCase() === 'chunked'
  let hostConfig: JsonObject | null = null
  if (length > 7 || chunked) {
    if (versionGTE(ctx, '1.24')) {
      // validationError → 400, before the container is even looked up.
      throw badRequest(
        'starting container with HostConfig was deprecated since v1.10 and removed in v1.12',
      )
    }
    checkForJSON(ctx)
    // DecodeHostConfig decodes the same ContainerConfigWrapper as create (getHostConfig).
    const decoded = bodyJSON(ctx)
    if (decoded !== null && !isObject(decoded))
      throw typeError(jsonKind(decoded), 'runconfig.ContainerConfigWrapper')
    const hc = decoded === null ? null : wrapperHostConfig(decoded)
    hostConfig = hc === null ? null : withZeroValues(hc)
  }
  const c = e.registry.getContainer(ctx.param)
  if (c.state.status === 'paused')
    throw untyped('Cannot start a paused container, try unpause instead.')
  if (isRunning(c)) throw new DaemonError('Container already started', 304)
  if (hostConfig !== null) {
    // Below API 1.24 the HostConfig given to start replaces the one from create (deprecated;
    // daemon.setHostConfig assigns it whole, so what the body leaves out is back to zero).
    c.hostConfig = { ...defaultHostConfig(), ...hostConfig }
    if (c.hostConfig.NetworkMode === '') c.hostConfig.NetworkMode = 'default'
  }
  // verifyContainerSettings, then adaptContainerSettings, on the container's HostConfig.
  verifySettings(c.hostConfig, null, (s) => parseSignal(s))
  adaptSettings(c.hostConfig, false)
  if (c.state.status === 'dead')
    throw untyped('Container is marked for removal and cannot be started.')
  checkPortsFree(e, c)
  e.lifecycle.start(c)
  return noContent()
}

/**
 * A host port can be bound by one running container only (docker-proxy). The error is
 * libnetwork's: `ep.Name()` is the container name and `ep.ID()` the id of the endpoint created
 * for this start (a fresh random 64-hex id, unrelated to the container id), then
 * portallocator's `Bind for <ip>:<port> failed: port is already allocated`.
 * @see moby vendor/src/github.com/docker/libnetwork/endpoint.go (sbJoin) and
 *   portallocator/portallocator.go at v1.12.6
 */
function checkPortsFree(e: Engine, c: ContainerRecord): void {
  const mine = hostBindings(c)
  if (mine.length === 0) return
  for (const other of e.state.containers.values()) {
    if (other.id === c.id || !isRunning(other)) continue
    const taken = hostPorts(other)
    const clash = mine.find((b) => taken.includes(b.port))
    if (clash !== undefined) {
      const endpointId = e.registry.newId()
      throw untyped(
        `driver failed programming external connectivity on endpoint ${c.name.slice(1)} (${endpointId}): Bind for ${clash.ip}:${clash.port} failed: port is already allocated`,
      )
    }
  }
}

function hostPorts(c: ContainerRecord): string[] {
  return hostBindings(c).map((b) => b.port)
}

function hostBindings(c: ContainerRecord): Array<{ ip: string; port: string }> {
  const out: Array<{ ip: string; port: string }> = []
  const bindings = c.hostConfig.PortBindings
  if (!isObject(bindings)) return out
  for (const list of Object.values(bindings)) {
    if (!Array.isArray(list)) continue
    for (const b of list)
      if (isObject(b) && typeof b.HostPort === 'string' && b.HostPort !== '')
        out.push({
          ip: typeof b.HostIp === 'string' && b.HostIp !== '' ? b.HostIp : '0.0.0.0',
          port: b.HostPort,
        })
  }
  return out
}

/**
 * What a signal does to the simulated process: the exit status it dies with, or null when the
 * process survives it. A PID 1 without signal handlers (a shell, `sleep`) ignores every
 * catchable signal — only SIGKILL ends it; servers exit 0 on TERM/INT/QUIT and handle the rest.
 */
function signalOutcome(c: ContainerRecord, sig: number): number | null {
  if (sig === 9) return 137
  const p = c.process
  if (p?.ignoresSigterm === true) return null
  if (p?.termExitCode === 0) return [2, 3, 15].includes(sig) ? 0 : null
  return terminates(sig) ? 128 + sig : null
}

/** The signal ends the process: what it writes as it goes (pause's psignal line), then its end. */
function endBySignal(e: Engine, c: ContainerRecord, sig: number, code: number): void {
  const words = dyingWords(argv(c), sig)
  if (words !== null) e.output.write(c, 2, words)
  e.lifecycle.finish(c, code, true)
}

/**
 * The stop sequence (daemon/stop.go containerStop): the StopSignal (default SIGTERM); a process
 * that survives it gets up to `seconds` of the daemon's clock to exit (container.WaitStop),
 * then SIGKILL (daemon.Kill: exit 137). A PID 1 without handlers (busybox `sh`, `sleep`)
 * ignores SIGTERM, so `docker stop` takes the whole grace period — the "why does docker stop
 * take 10 seconds" of every class. Resolves once the container is down.
 */
async function stopContainer(e: Engine, c: ContainerRecord, seconds: number): Promise<void> {
  if (!isRunning(c)) return
  if (c.state.status === 'restarting') {
    // killWithSignal returns early for a restarting container: no kill event, the pending
    // restart is cancelled (ExitOnNext).
    e.lifecycle.finish(c, c.state.exitCode, true)
    e.events.container(c, 'stop')
    return
  }
  const stopSignal = str(c.config, 'StopSignal')
  const sig = stopSignal === '' ? 15 : parseSignal(stopSignal)
  e.events.container(c, 'kill', { signal: String(sig) })
  const code = signalOutcome(c, sig)
  if (code !== null) {
    endBySignal(e, c, sig, code)
    e.events.container(c, 'stop')
    return
  }
  if (seconds > 0) {
    // WaitStop(seconds): the process may still end by itself (a `sleep 5`) or be killed by
    // another request meanwhile; the timer is the daemon clock's, so tests do not wait.
    let cancel = (): void => undefined
    let forget = (): void => undefined
    const timedOut = new Promise<void>((resolve) => {
      cancel = e.clock.after(seconds * 1000, () => resolve())
      forget = e.clock.onClear(() => resolve())
    })
    await Promise.race([e.lifecycle.waitStop(c), timedOut])
    cancel()
    forget()
    // Reset or restored meanwhile: the container went with the old state, nothing is left to kill.
    if (e.state.containers.get(c.id) !== c) return
  }
  if (isRunning(c)) {
    e.events.container(c, 'kill', { signal: '9' })
    e.lifecycle.finish(c, 137, true)
  }
  e.events.container(c, 'stop')
}

/** `t` of stop and restart: strconv.Atoi with the error ignored, so absent or bad is 0. */
function graceSeconds(raw: string | null): number {
  if (raw === null || !/^[+-]?\d+$/.test(raw)) return 0
  const n = Number.parseInt(raw, 10)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

export const stop: Handler = async (ctx) => {
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw new DaemonError(`Container ${ctx.param} is already stopped`, 304)
  if (c.state.status === 'paused') {
    throw untyped(
      `Cannot stop container ${ctx.param}: Container ${c.id} is paused. Unpause the container before stopping`,
    )
  }
  await stopContainer(e, c, graceSeconds(ctx.query.get('t')))
  return noContent()
}

export const restart: Handler = async (ctx) => {
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  try {
    if (c.state.status === 'paused') {
      throw untyped(`Container ${c.id} is paused. Unpause the container before stopping`)
    }
    await stopContainer(e, c, graceSeconds(ctx.query.get('t')))
    checkPortsFree(e, c)
    e.lifecycle.start(c)
  } catch (err) {
    throw wrap(`Cannot restart container ${ctx.param}: `, err)
  }
  e.events.container(c, 'restart')
  return noContent()
}

export const kill: Handler = (ctx) => {
  const e = ctx.engine
  const sigText = ctx.query.get('signal') ?? ''
  const sig = sigText === '' ? 0 : parseSignal(sigText)
  try {
    const c = e.registry.getContainer(ctx.param)
    if (sig !== 0 && !validSignal(sig))
      throw untyped(`The linux daemon does not support signal ${sig}`)
    if (c.state.status === 'paused') {
      throw untyped(`Container ${c.id} is paused. Unpause the container before stopping`)
    }
    if (!isRunning(c)) throw errNotRunning(c.id)
    if (c.state.status === 'restarting') {
      // daemon/kill.go: "if the container is currently restarting we do not need to send the
      // signal to the process" — the restart is cancelled and the call succeeds.
      e.lifecycle.finish(c, c.state.exitCode, true)
      return noContent()
    }
    const effective = sig === 0 ? 9 : sig
    e.events.container(c, 'kill', { signal: String(effective) })
    const code = signalOutcome(c, effective)
    if (code !== null) endBySignal(e, c, effective, code)
  } catch (err) {
    // API ≥ 1.20 wraps every error, which drops typed statuses: only keywords count.
    if (
      versionGTE(ctx, '1.20') ||
      !(err instanceof DaemonError && /is not running$/.test(err.message))
    ) {
      throw wrap(`Cannot kill container ${ctx.param}: `, err)
    }
  }
  return noContent()
}

export const pause: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'paused') throw untyped(`Container ${c.id} is already paused`)
  if (c.state.status === 'restarting') {
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
  }
  e.lifecycle.pause(c)
  return noContent()
}

export const unpause: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status !== 'paused') throw untyped(`Container ${c.id} is not paused`)
  e.lifecycle.unpause(c)
  return noContent()
}

export const rename: Handler = (ctx) => {
  const e = ctx.engine
  const oldName = ctx.param
  let newName = ctx.query.get('name') ?? ''
  if (oldName === '' || newName === '') throw untyped('Neither old nor new names may be empty')
  if (!newName.startsWith('/')) newName = `/${newName}`
  const c = e.registry.getContainer(oldName)
  const previous = c.name
  if (previous === newName)
    throw untyped('Renaming a container with the same name as its current name')
  try {
    e.registry.reserveName(c.id, newName)
  } catch (err) {
    throw wrap('Error when allocating new name: ', err)
  }
  e.registry.rename(c, newName)
  e.events.container(c, 'rename', { oldName: previous })
  return noContent()
}

export const wait: Handler = async (ctx) => {
  const c = ctx.engine.registry.getContainer(ctx.param)
  const code = await ctx.engine.lifecycle.waitStop(c)
  return json(200, { StatusCode: code })
}

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const force = boolValue(ctx, 'force')
  const removeVolumes = boolValue(ctx, 'v')
  const c = e.registry.getContainer(ctx.param)
  if (boolValue(ctx, 'link')) {
    // rmLink: only link aliases (`/parent/alias`) can be removed this way.
    const name = ctx.param.startsWith('/') ? ctx.param : `/${ctx.param}`
    const parent = name.slice(0, name.lastIndexOf('/')) || '/'
    if (parent === '/') throw untyped('Conflict, cannot remove the default name of the container')
    e.registry.releaseName(name)
    return noContent()
  }
  if (isRunning(c)) {
    if (!force) {
      throw conflict(
        `You cannot remove a running container ${c.id}. Stop the container before attempting removal or use -f`,
      )
    }
    if (c.state.status === 'paused') {
      throw untyped(
        `Could not kill running container ${c.id}, cannot remove - Container ${c.id} is paused. Unpause the container before stopping`,
      )
    }
    e.events.container(c, 'kill', { signal: '9' })
    e.lifecycle.finish(c, 137, true)
  }
  for (const m of c.mounts) {
    // removeMountPoints: named volumes (-v name:/path) are kept; anonymous ones go with v=1
    // unless another container still uses them.
    if (!removeVolumes || m.name === undefined || /^[0-9a-f]{64}$/.test(m.name) === false) continue
    const inUse = [...e.state.containers.values()].some(
      (o) => o.id !== c.id && o.mounts.some((x) => x.name === m.name),
    )
    if (!inUse && e.state.volumes.delete(m.name))
      e.events.emit('volume', 'destroy', m.name, { driver: 'local' })
  }
  e.lifecycle.remove(c)
  e.events.container(c, 'destroy')
  return noContent()
}
