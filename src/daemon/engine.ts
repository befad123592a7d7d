import { rfc3339Nano } from './clock.ts'
import { badRequest, conflict, untyped } from './errors.ts'
import { type ChunkQueue, EventBus } from './events.ts'
import { processFs } from './fs.ts'
import { hexId, noSuchContainer, PrefixIndex, Prng, randomName, VALID_NAME } from './ids.ts'
import { attachNetworks, defaultNetworks, detachNetworks } from './networking.ts'
import { OutputListeners } from './output.ts'
import { liveProgram, type ProcessInput, plan, type StartFailure } from './process.ts'
import { DIGEST_ID, parseReference } from './reference.ts'
import { seedImages } from './seed.ts'
import type { ShellProcess } from './shell/run.ts'
import {
  type ContainerRecord,
  type DaemonState,
  type EventRecord,
  type ExecRecord,
  emptyState,
  type ImageRecord,
  isRunning,
  type LogEntry,
  type NetworkRecord,
} from './state.ts'
import { LiveProcess, STDIN_BUFFER_LIMIT } from './terminal/live-process.ts'
import type { DockerVersion, StdinSession } from './types.ts'
import { API_VERSION_OF } from './version.ts'

/**
 * The model behind the API: the state value plus the operations that change it, with the
 * rules of daemon/*.go at v1.12.6. Handlers in api/ parse requests and call these.
 */
export class Engine {
  state: DaemonState
  readonly dockerVersion: DockerVersion
  readonly apiVersion: string
  readonly clock: () => Date
  private readonly customIds: (() => string) | null
  prng: Prng
  readonly containerIndex = new PrefixIndex()
  readonly imageIndex = new PrefixIndex()
  bus: EventBus
  /** Container id → resolvers of pending POST /wait calls. */
  private readonly waiters = new Map<string, Set<(code: number) => void>>()
  /** Live log/attach streams per container. */
  private readonly outputListeners = new OutputListeners()
  /** Timed wake-ups (process ends, restarts, script steps), soonest first. */
  private timed: Array<{ at: number; kind: TimedKind; id: string }> = []
  /**
   * Container id → its running `sh -c` script, resumed by 'shell' wake-ups. Live objects, not
   * state: a snapshot restored mid-script keeps the container running, silent, until stopped.
   */
  private readonly shells = new Map<string, ShellProcess>()
  private wakeTimer: ReturnType<typeof setTimeout> | null = null
  private pidCounter = 1000
  readonly seed: boolean
  /**
   * Change counters for caches of derived container data (the list summaries): `revision`
   * moves on any change that may touch any container, `containerRevision(c)` on a change to
   * that container only. Handlers are synchronous, so the dispatcher bumps them right after a
   * handler that may write has run (api/dispatch.ts); the only asynchronous writer is `tick`.
   * Kept outside the records, which stay plain JSON for snapshots.
   */
  revision = 0
  /** Counts `touch` calls: an entry cached before the latest one may describe a changed container. */
  touched = 0
  private readonly containerRevisions = new WeakMap<ContainerRecord, number>()
  /** Live hijacked sessions that read stdin, by the token their response carries. */
  readonly stdinSessions = new Map<string, StdinSession>()
  private sessionCounter = 0
  /**
   * Processes that read stdin as it comes (interactive `sh`, `cat -i`, `top` on a TTY), keyed
   * `c:<container id>` or `e:<exec id>`. Live objects, not state, like `shells`.
   */
  private readonly live = new Map<string, LiveProcess>()
  /** Stdin written to a created container before its process started (attach comes first). */
  private readonly pendingStdin = new Map<string, { text: string; eof: boolean }>()
  /** Exec id → listeners of its live output (an attached exec start). */
  private readonly execOutputListeners = new Map<
    string,
    Set<(stream: 1 | 2, text: string) => void>
  >()
  /** Callbacks of `timer`, by the id of their wake-up. */
  private readonly callbacks = new Map<string, () => void>()
  private callbackCounter = 0

  constructor(opts: {
    dockerVersion: DockerVersion
    clock: () => Date
    idGenerator: (() => string) | null
    seed: boolean
  }) {
    this.dockerVersion = opts.dockerVersion
    this.apiVersion = API_VERSION_OF[opts.dockerVersion]
    this.clock = opts.clock
    this.customIds = opts.idGenerator
    this.seed = opts.seed
    this.prng = new Prng(0x1d0c4e12)
    this.state = emptyState()
    this.bus = new EventBus(this.state.events)
    this.reset()
  }

  reset(): void {
    this.clearTimers()
    this.revision++
    this.state = emptyState()
    this.bus = new EventBus(this.state.events)
    this.prng = new Prng(0x1d0c4e12)
    this.pidCounter = 1000
    this.containerIndex.clear()
    this.imageIndex.clear()
    if (this.seed) for (const img of seedImages()) this.putImage(img)
    for (const n of defaultNetworks(this)) this.state.networks.set(n.id, n)
  }

  /** Replaces the whole state (after restore); rebuilds indexes and timers. */
  replaceState(state: DaemonState, prngState: number, pidCounter: number): void {
    this.clearTimers()
    this.revision++
    this.state = state
    this.bus = new EventBus(this.state.events)
    this.prng = new Prng(0)
    this.prng.state = prngState
    this.pidCounter = pidCounter
    this.containerIndex.clear()
    this.imageIndex.clear()
    for (const id of state.containers.keys()) this.containerIndex.add(id)
    for (const id of state.images.keys()) this.imageIndex.add(id.slice(7))
    for (const c of state.containers.values()) {
      if (c.process?.exitAt != null && c.state.status === 'running') {
        this.schedule('container', c.id, c.process.exitAt)
      }
    }
    for (const e of state.execs.values()) {
      if (e.exitAt !== null && e.phase === 'running') this.schedule('exec', e.id, e.exitAt)
    }
    for (const c of state.containers.values()) {
      if (c.state.status === 'restarting' && typeof c.restartAt === 'number') {
        this.schedule('restart', c.id, c.restartAt)
      }
      // A shell that was waiting at its prompt waits again (without printing a second prompt).
      if (c.state.status === 'running' || c.state.status === 'paused') {
        const input = this.processInput(c)
        const p = plan(input)
        if (p.kind === 'runs' && p.live !== undefined) this.spawnContainerLive(c, input, true)
      }
    }
  }

  /** The container may have changed (see `revision`). */
  touch(c: ContainerRecord): void {
    this.touched++
    this.containerRevisions.set(c, (this.containerRevisions.get(c) ?? 0) + 1)
  }

  containerRevision(c: ContainerRecord): number {
    return this.containerRevisions.get(c) ?? 0
  }

  get pidState(): number {
    return this.pidCounter
  }

  private clearTimers(): void {
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer)
    this.wakeTimer = null
    this.timed = []
    this.shells.clear()
    for (const p of this.live.values()) p.kill()
    this.live.clear()
    this.pendingStdin.clear()
    this.callbacks.clear()
    for (const session of [...this.stdinSessions.values()]) session.end()
    this.stdinSessions.clear()
  }

  now(): Date {
    return this.clock()
  }
  nowMs(): number {
    return this.clock().getTime()
  }
  nowString(): string {
    return rfc3339Nano(this.clock())
  }

  /** A fresh 64-hex id, unique across containers, execs and networks. */
  newId(): string {
    for (let i = 0; ; i++) {
      const id = this.customIds !== null && i < 8 ? this.customIds() : hexId(this.prng)
      if (!HEX64.test(id)) continue
      if (
        !this.state.containers.has(id) &&
        !this.state.execs.has(id) &&
        !this.state.networks.has(id) &&
        !this.state.images.has(`sha256:${id}`)
      ) {
        return id
      }
    }
  }

  /** A stable 64-hex id derived from a seed (task container ids), without consuming the PRNG. */
  newIdFor(seed: string): string {
    const p = new Prng(
      seed.split('').reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 0x811c9dc5),
    )
    return hexId(p)
  }

  nextPid(): number {
    this.pidCounter += 1 + (this.prng.next() % 97)
    return this.pidCounter
  }

  // ---------- events ----------

  event(
    type: EventRecord['Type'],
    action: string,
    id: string,
    attributes: Record<string, string>,
  ): void {
    const now = this.nowMs()
    const e: EventRecord = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      time: Math.floor(now / 1000),
      timeNano: now * 1_000_000,
    }
    // 1.12 still fills the pre-1.22 fields for container and image events (daemon/events.go).
    if (type === 'container' || type === 'image') {
      e.status = action
      e.id = id
      if (type === 'container' && attributes.image !== undefined) e.from = attributes.image
    }
    this.bus.publish(e)
  }

  containerEvent(c: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
    const labels = (c.config.Labels ?? {}) as Record<string, unknown>
    const attributes: Record<string, string> = {}
    for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') attributes[k] = v
    attributes.image = String(c.config.Image ?? '')
    attributes.name = c.name.slice(1)
    Object.assign(attributes, extra)
    this.event('container', action, c.id, attributes)
  }

  // ---------- lookups ----------

  /**
   * Full id, then exact name, then unique id prefix.
   * @see moby daemon/container.go GetContainer at v1.12.6
   */
  getContainer(nameOrId: string): ContainerRecord {
    if (nameOrId.length === 0) throw badRequest('No container name or ID supplied')
    const byId = this.state.containers.get(nameOrId)
    if (byId !== undefined) return byId
    const name = nameOrId.startsWith('/') ? nameOrId : `/${nameOrId}`
    const idByName = this.state.names.get(name)
    if (idByName !== undefined) {
      const c = this.state.containers.get(idByName)
      if (c !== undefined) return c
    }
    const id = this.containerIndex.find(nameOrId)
    const c = id === undefined ? undefined : this.state.containers.get(id)
    if (c === undefined) throw noSuchContainer(nameOrId)
    return c
  }

  /** `getContainer` without the errors: null when nothing (or more than one) matches. */
  lookupContainer(nameOrId: string): ContainerRecord | null {
    try {
      return this.getContainer(nameOrId)
    } catch {
      return null
    }
  }

  /**
   * `daemon.GetImageID`: a digest id, a reference in the reference store, or an id prefix.
   * Returns undefined when nothing matches (callers phrase their own error, as 1.12 did).
   */
  findImage(refOrId: string): ImageRecord | undefined {
    if (DIGEST_ID.test(refOrId)) return this.state.images.get(refOrId)
    const ref = parseReference(refOrId)
    if (ref !== null) {
      const wanted =
        ref.digest !== null ? `${ref.name}@${ref.digest}` : `${ref.name}:${ref.tag ?? 'latest'}`
      const id = this.tagIndex().get(wanted)
      if (id !== undefined) return this.state.images.get(id)
    }
    if (/^[0-9a-f]+$/.test(refOrId) || refOrId.startsWith('sha256:')) {
      const prefix = refOrId.replace(/^sha256:/, '')
      if (prefix.length === 0) return undefined
      try {
        const hit = this.imageIndex.find(prefix)
        return hit === undefined ? undefined : this.state.images.get(`sha256:${hit}`)
      } catch {
        // digestset's ambiguity error is swallowed into "does not exist" (daemon/image.go).
        return undefined
      }
    }
    return undefined
  }

  private tagCache: Map<string, string> | null = null
  /** `repo:tag` and `repo@digest` → image id; rebuilt lazily after image changes. */
  tagIndex(): Map<string, string> {
    if (this.tagCache === null) {
      const m = new Map<string, string>()
      for (const img of this.state.images.values()) {
        for (const t of img.repoTags) m.set(t, img.id)
        for (const d of img.repoDigests) m.set(d, img.id)
      }
      this.tagCache = m
    }
    return this.tagCache
  }

  putImage(img: ImageRecord): void {
    this.state.images.set(img.id, img)
    this.imageIndex.add(img.id.slice(7))
    this.tagCache = null
  }

  imagesChanged(): void {
    this.tagCache = null
  }

  deleteImage(id: string): void {
    this.state.images.delete(id)
    this.imageIndex.delete(id.slice(7))
    this.tagCache = null
  }

  // ---------- names ----------

  /**
   * Reserves `/name` for a container.
   * @see moby daemon/names.go reserveName at v1.12.6
   */
  reserveName(id: string, requested: string): string {
    if (!VALID_NAME.test(requested)) {
      throw untyped(
        `Invalid container name (${requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      )
    }
    const name = requested.startsWith('/') ? requested : `/${requested}`
    const holder = this.state.names.get(name)
    if (holder !== undefined && holder !== id) {
      throw conflict(
        `Conflict. The name "${name}" is already in use by container ${holder}. You have to remove (or rename) that container to be able to reuse that name.`,
      )
    }
    this.state.names.set(name, id)
    return name
  }

  generateName(id: string): string {
    for (let retry = 0; ; retry++) {
      const name = `/${randomName(id, retry)}`
      if (!this.state.names.has(name)) {
        this.state.names.set(name, id)
        return name
      }
    }
  }

  addContainer(c: ContainerRecord): void {
    this.state.containers.set(c.id, c)
    this.containerIndex.add(c.id)
  }

  removeContainer(c: ContainerRecord): void {
    this.state.containers.delete(c.id)
    this.containerIndex.delete(c.id)
    if (this.state.names.get(c.name) === c.id) this.state.names.delete(c.name)
    for (const execId of c.execIds) {
      this.state.execs.delete(execId)
      this.killLive(`e:${execId}`)
      this.fireExecEnd(execId)
    }
    this.killLive(`c:${c.id}`)
    this.pendingStdin.delete(c.id)
    for (const n of this.state.networks.values()) {
      const i = n.containers.findIndex((x) => x.containerId === c.id)
      if (i >= 0) n.containers.splice(i, 1)
    }
    this.wakeWaiters(c.id, c.state.exitCode)
    this.outputListeners.close(c.id)
  }

  // ---------- lifecycle ----------

  argv(c: ContainerRecord): string[] {
    return [c.path, ...c.args].filter((x, i) => i > 0 || x !== '')
  }

  /**
   * Starts the simulated process. Throws the runtime's error (after recording exit code 127
   * and a `die` event, as daemon/start.go does) when the binary does not exist.
   */
  /** What the container's process is started with. */
  processInput(c: ContainerRecord): ProcessInput {
    return {
      fs: processFs(c),
      argv: this.argv(c),
      tty: c.config.Tty === true,
      openStdin: c.config.OpenStdin === true,
      env: Array.isArray(c.config.Env)
        ? c.config.Env.filter((x): x is string => typeof x === 'string')
        : [],
      hostname: typeof c.config.Hostname === 'string' ? c.config.Hostname : '',
    }
  }

  start(c: ContainerRecord): void {
    const input = this.processInput(c)
    const p = plan(input)
    if (p.kind === 'fails') {
      this.failStart(c, p)
      return
    }
    const now = this.nowString()
    c.state = {
      status: 'running',
      pid: this.nextPid(),
      exitCode: 0,
      error: '',
      startedAt: now,
      finishedAt: c.state.finishedAt,
      oomKilled: false,
    }
    attachNetworks(this, c)
    c.process = {
      exitAt:
        p.kind === 'runs' && p.runForMs !== null && p.shell === undefined
          ? this.nowMs() + p.runForMs
          : null,
      exitCode: p.exitCode,
      ignoresSigterm: p.ignoresSigterm,
      termExitCode: p.termExitCode,
    }
    this.containerEvent(c, 'start')
    if (p.output !== undefined) for (const o of p.output) this.output(c, o.stream, o.text)
    else {
      if (p.stdout !== '') this.output(c, 1, p.stdout)
      if (p.stderr !== '') this.output(c, 2, p.stderr)
    }
    this.shells.delete(c.id)
    if (p.kind === 'runs' && p.live !== undefined) {
      this.spawnContainerLive(c, input, false)
    } else if (p.kind === 'runs' && p.shell?.pending?.kind === 'sleep') {
      this.shells.set(c.id, p.shell)
      this.wakeShell(c.id, p.shell, p.shell.pending.ms)
    } else if (p.kind === 'exits') {
      this.finish(c, p.exitCode)
    } else if (c.process.exitAt !== null) {
      this.schedule('container', c.id, c.process.exitAt)
    }
  }

  private failStart(c: ContainerRecord, f: StartFailure): never {
    c.state = { ...c.state, exitCode: f.exitCode, error: f.message }
    this.containerEvent(c, 'die', { exitCode: String(f.exitCode) })
    throw untyped(f.message)
  }

  /**
   * The process ended (by itself or by a signal): record it, wake waiters, end follows.
   * `manual` = stopped or killed through the API (ExitOnNext: no restart).
   * Otherwise the restart policy may put the container in `restarting` and start it again
   * after a back-off (100 ms, doubling, at most 1 min), as daemon/monitor.go and
   * restartmanager/restartmanager.go do in 1.12.
   */
  finish(c: ContainerRecord, exitCode: number, manual = false): void {
    if (!isRunning(c)) return
    if (c.state.status === 'restarting') {
      // Killing or stopping a restarting container only cancels the pending restart.
      if (manual) this.settle(c, c.state.exitCode)
      return
    }
    const ranMs = this.nowMs() - Date.parse(c.state.startedAt)
    c.process = null
    this.shells.delete(c.id)
    this.killLive(`c:${c.id}`)
    this.pendingStdin.delete(c.id)
    detachNetworks(this, c)
    // daemon.Cleanup unregisters exec instances that have not exited (daemon/monitor.go, daemon/start.go).
    const kept: string[] = []
    for (const execId of c.execIds) {
      const e = this.state.execs.get(execId)
      if (e === undefined) continue
      if (e.phase === 'exited') kept.push(execId)
      else this.state.execs.delete(execId)
      this.killLive(`e:${execId}`)
      this.fireExecEnd(execId)
    }
    c.execIds = kept
    const now = this.nowString()
    this.containerEvent(c, 'die', { exitCode: String(exitCode) })
    if (!manual && this.shouldRestart(c, exitCode)) {
      const previous = c.restartDelayMs ?? 0
      const delay = ranMs >= 10_000 || previous === 0 ? 100 : Math.min(previous * 2, 60_000)
      c.restartDelayMs = delay
      c.restartCount += 1
      c.restartAt = this.nowMs() + delay
      c.state = { ...c.state, status: 'restarting', pid: 0, exitCode, finishedAt: now }
      this.schedule('restart', c.id, c.restartAt)
      return
    }
    c.state = { ...c.state, status: 'exited', pid: 0, exitCode, finishedAt: now }
    this.settle(c, exitCode)
  }

  /** The container is down for good: wake POST /wait calls and end follow streams. */
  private settle(c: ContainerRecord, exitCode: number): void {
    c.state = { ...c.state, status: 'exited', pid: 0, exitCode }
    c.restartAt = null
    this.wakeWaiters(c.id, exitCode)
    this.outputListeners.close(c.id)
  }

  /** Resolves the pending POST /wait calls on container `id` with `code`. */
  private wakeWaiters(id: string, code: number): void {
    const w = this.waiters.get(id)
    if (w !== undefined) {
      this.waiters.delete(id)
      for (const resolve of w) resolve(code)
    }
  }

  private shouldRestart(c: ContainerRecord, exitCode: number): boolean {
    const policy = c.hostConfig.RestartPolicy
    const name =
      typeof policy === 'object' && policy !== null && !Array.isArray(policy)
        ? String(policy.Name ?? '')
        : ''
    if (name === 'always' || name === 'unless-stopped') return true
    if (name === 'on-failure') {
      const max =
        typeof policy === 'object' && policy !== null && !Array.isArray(policy)
          ? Number(policy.MaximumRetryCount ?? 0)
          : 0
      return exitCode !== 0 && (max === 0 || c.restartCount < max)
    }
    return false
  }

  /** Resolves with the exit code once the container is not running (container/state.go WaitStop). */
  waitStop(c: ContainerRecord): Promise<number> {
    if (!isRunning(c)) return Promise.resolve(c.state.exitCode)
    return new Promise((resolve) => {
      let set = this.waiters.get(c.id)
      if (set === undefined) {
        set = new Set()
        this.waiters.set(c.id, set)
      }
      set.add(resolve)
    })
  }

  // ---------- output ----------

  /** `at`: when it was written (ms, daemon clock), if not now (a script catching up). */
  output(c: ContainerRecord, stream: 1 | 2, text: string, at?: number): void {
    const time = at === undefined ? this.nowString() : rfc3339Nano(new Date(at))
    const entry: LogEntry = { stream, text, time }
    // Keep the buffer bounded so a chatty container cannot grow the state without limit.
    c.logs.push(entry)
    if (c.logs.length > 5000) c.logs.splice(0, c.logs.length - 5000)
    this.outputListeners.publish(c.id, entry)
  }

  /** See `OutputListeners.follow`: the returned queue closes when the container stops. */
  follow(
    c: ContainerRecord,
    encode: (e: LogEntry) => Uint8Array | null,
    untilNextStop = false,
  ): ChunkQueue {
    return this.outputListeners.follow(c, encode, untilNextStop)
  }

  // ---------- networks ----------

  /** By full id, exact name, or id prefix (libnetwork's lookup order). */
  findNetwork(idOrName: string): NetworkRecord | undefined {
    const byId = this.state.networks.get(idOrName)
    if (byId !== undefined) return byId
    for (const n of this.state.networks.values()) if (n.name === idOrName) return n
    if (idOrName === '') return undefined
    const hits = [...this.state.networks.values()].filter((n) => n.id.startsWith(idOrName))
    return hits.length === 1 ? hits[0] : undefined
  }

  // ---------- time ----------

  /** `from`: the simulated time the sleep starts (the previous wake-up's, when catching up). */
  private wakeShell(id: string, shell: ShellProcess, ms: number, from = this.nowMs()): void {
    shell.wakeAt = from + ms
    this.schedule('shell', id, shell.wakeAt)
  }

  /**
   * A script's sleep is over (at simulated time `at`, maybe earlier than now after a clock
   * jump): run it to its next sleep, block or exit. Output is stamped and the next sleep counted
   * from `at`, so `while …; sleep 1` logs one line per simulated second however the clock moves.
   */
  private resumeShell(c: ContainerRecord, shell: ShellProcess, at: number): void {
    shell.wakeAt = null
    const { output, next } = shell.advance()
    for (const o of output) this.output(c, o.stream, o.text, at)
    if (next.kind === 'sleep') this.wakeShell(c.id, shell, next.ms, at)
    else if (next.kind === 'exit') this.finish(c, next.code)
    else this.shells.delete(c.id) // blocked for good: runs until stopped
  }

  /** After unpause: a script whose sleep ended while it was frozen goes on now. */
  resumeUnpaused(c: ContainerRecord): void {
    const shell = this.shells.get(c.id)
    if (shell !== undefined && shell.wakeAt === null && c.state.status === 'running') {
      this.resumeShell(c, shell, this.nowMs())
      this.revision++
    }
  }

  schedule(kind: TimedKind, id: string, at: number): void {
    let i = this.timed.length
    while (i > 0 && (this.timed[i - 1]?.at ?? 0) > at) i--
    this.timed.splice(i, 0, { kind, id, at })
    this.armWake()
  }

  /** Wakes in real time so blocked waits and follows end even without new requests. */
  private armWake(): void {
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer)
    this.wakeTimer = null
    const first = this.timed[0]
    if (first === undefined) return
    const delay = Math.max(0, Math.min(first.at - this.nowMs(), 2 ** 31 - 1))
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null
      this.tick()
    }, delay)
    // Never keep a Node process alive just for a simulated `sleep`.
    const t = this.wakeTimer as unknown as { unref?: () => void }
    t.unref?.()
  }

  /** Ends every timed process whose time has come (by the injected clock). */
  tick(): void {
    const now = this.nowMs()
    let changed = false
    // After a long clock jump a chatty script has many wake-ups due; do a bounded share now and
    // leave the rest to the real-time wake (armWake, delay 0) so requests are served meanwhile.
    let budget = 2000
    while (this.timed.length > 0 && (this.timed[0]?.at ?? Number.POSITIVE_INFINITY) <= now) {
      if (budget-- <= 0) break
      const t = this.timed.shift()
      changed = true
      if (t === undefined) break
      if (t.kind === 'callback') {
        const fn = this.callbacks.get(t.id)
        this.callbacks.delete(t.id)
        fn?.()
      } else if (t.kind === 'shell') {
        const c = this.state.containers.get(t.id)
        const shell = this.shells.get(t.id)
        if (c !== undefined && shell?.wakeAt === t.at) {
          // A frozen (paused) script is due: it resumes on unpause (`resumeUnpaused`).
          if (c.state.status === 'paused') shell.wakeAt = null
          else if (c.state.status === 'running') this.resumeShell(c, shell, t.at)
        }
      } else if (t.kind === 'container') {
        const c = this.state.containers.get(t.id)
        if (c?.process != null && c.process.exitAt === t.at && c.state.status === 'running') {
          this.finish(c, c.process.exitCode)
        }
      } else if (t.kind === 'restart') {
        const c = this.state.containers.get(t.id)
        if (c !== undefined && c.state.status === 'restarting' && c.restartAt === t.at) {
          c.restartAt = null
          c.state = { ...c.state, status: 'exited' }
          try {
            this.start(c)
          } catch {
            // A restart that cannot start the process leaves the container exited.
            this.settle(c, c.state.exitCode)
          }
        }
      } else {
        const e = this.state.execs.get(t.id)
        if (e !== undefined && e.phase === 'running' && e.exitAt === t.at)
          this.finishExec(e, e.exitCode ?? 0)
      }
    }
    if (changed) {
      this.revision++
      this.armWake()
    }
  }

  private readonly execEndListeners = new Map<string, Array<() => void>>()

  /** Called once when the exec's process ends (or its container stops). */
  onExecEnd(execId: string, listener: () => void): void {
    const list = this.execEndListeners.get(execId)
    if (list === undefined) this.execEndListeners.set(execId, [listener])
    else list.push(listener)
  }

  private fireExecEnd(execId: string): void {
    const list = this.execEndListeners.get(execId)
    if (list === undefined) return
    this.execEndListeners.delete(execId)
    for (const l of list) l()
  }

  finishExec(e: ExecRecord, code: number): void {
    e.phase = 'exited'
    e.exitCode = code
    e.exitAt = null
    this.fireExecEnd(e.id)
    // 1.12 has no exec_die event (it came with 1.13); see daemon/exec.go at v1.12.6.
  }

  // ---------- live processes, terminals and stdin ----------

  /** Calls `fn` once `ms` of daemon time have passed (simulated sleeps, `top`'s refresh). */
  timer(ms: number, fn: () => void): () => void {
    const id = String(++this.callbackCounter)
    this.callbacks.set(id, fn)
    this.schedule('callback', id, this.nowMs() + ms)
    return () => {
      this.callbacks.delete(id)
    }
  }

  private killLive(key: string): void {
    const p = this.live.get(key)
    if (p === undefined) return
    this.live.delete(key)
    p.kill()
  }

  /** The container's process reads stdin as it comes: run it live, fed by sessions. */
  private spawnContainerLive(c: ContainerRecord, input: ProcessInput, quiet: boolean): void {
    const key = `c:${c.id}`
    const terminal = input.tty ? { rows: 0, cols: 0 } : null
    const proc: LiveProcess = new LiveProcess(liveProgram(input, terminal, quiet), terminal, {
      emit: (stream, text) => this.output(c, stream, text),
      exit: (code) => {
        if (this.live.get(key) !== proc) return
        this.live.delete(key)
        this.finish(c, code)
        this.revision++
        this.touch(c)
      },
      timer: (ms, fn) => this.timer(ms, fn),
    })
    this.live.set(key, proc)
    proc.start()
    // What a session wrote before the process started reaches it now.
    const pending = this.pendingStdin.get(c.id)
    this.pendingStdin.delete(c.id)
    if (pending !== undefined && !proc.exited) {
      proc.input(pending.text)
      if (pending.eof) proc.closeStdin()
    }
  }

  /** An exec whose process reads stdin: run it live; its output goes to `onExecOutput` listeners. */
  spawnExecLive(ex: ExecRecord, input: ProcessInput): void {
    const key = `e:${ex.id}`
    const terminal = input.tty ? { rows: 0, cols: 0 } : null
    const proc: LiveProcess = new LiveProcess(liveProgram(input, terminal), terminal, {
      emit: (stream, text) => {
        const ls = this.execOutputListeners.get(ex.id)
        if (ls !== undefined) for (const l of ls) l(stream, text)
      },
      exit: (code) => {
        if (this.live.get(key) !== proc) return
        this.live.delete(key)
        this.finishExec(ex, code)
        this.revision++
      },
      timer: (ms, fn) => this.timer(ms, fn),
    })
    this.live.set(key, proc)
    proc.start()
  }

  /** Subscribes to an exec's live output; returns the unsubscribe function. */
  onExecOutput(execId: string, listener: (stream: 1 | 2, text: string) => void): () => void {
    let set = this.execOutputListeners.get(execId)
    if (set === undefined) {
      set = new Set()
      this.execOutputListeners.set(execId, set)
    }
    set.add(listener)
    return () => {
      set?.delete(listener)
      if (set?.size === 0) this.execOutputListeners.delete(execId)
    }
  }

  /**
   * The stdin of a container's or an exec's process, for a session: input goes to the live
   * process; before a container's process starts it is buffered (bounded), after it ended or
   * for a process that never reads it is dropped, as a closed pipe would.
   */
  stdinOf(target: { container: ContainerRecord } | { exec: ExecRecord }): {
    input(text: string): void
    closeStdin(): void
  } {
    const key = 'exec' in target ? `e:${target.exec.id}` : `c:${target.container.id}`
    const waiting = (): { text: string; eof: boolean } | null => {
      if ('exec' in target || target.container.state.status !== 'created') return null
      let p = this.pendingStdin.get(target.container.id)
      if (p === undefined) {
        p = { text: '', eof: false }
        this.pendingStdin.set(target.container.id, p)
      }
      return p
    }
    return {
      input: (text) => {
        const proc = this.live.get(key)
        if (proc !== undefined) {
          proc.input(text)
          return
        }
        const p = waiting()
        if (p !== null && p.text.length + text.length <= STDIN_BUFFER_LIMIT) p.text += text
      },
      closeStdin: () => {
        const proc = this.live.get(key)
        if (proc !== undefined) proc.closeStdin()
        else {
          const p = waiting()
          if (p !== null) p.eof = true
        }
      },
    }
  }

  /** TIOCSWINSZ on the process's pty; false when it has no live terminal. */
  resizeTty(
    target: { container: ContainerRecord } | { exec: ExecRecord },
    rows: number,
    cols: number,
  ): void {
    const key = 'exec' in target ? `e:${target.exec.id}` : `c:${target.container.id}`
    // The kernel keeps rows and columns as unsigned 16-bit numbers (struct winsize).
    this.live.get(key)?.resize(rows & 0xffff, cols & 0xffff)
  }

  /** A fresh token for a stdin session (see DAEMON_STDIN_HEADER). */
  registerStdin(session: StdinSession): string {
    // Derived, not drawn from the PRNG, so sessions do not shift the ids that follow.
    const token = this.newIdFor(`stdin:${++this.sessionCounter}:${this.nowMs()}`).slice(0, 24)
    this.stdinSessions.set(token, session)
    return token
  }

  dispose(): void {
    this.clearTimers()
  }
}

type TimedKind = 'container' | 'exec' | 'restart' | 'shell' | 'callback'

const HEX64 = /^[0-9a-f]{64}$/
