import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDaemon, type Daemon, type DaemonResponse } from '../../src/daemon/index.ts'
import { ALLOWED_500 } from './documented-500s.ts'

/**
 * Random sequences of container and exec calls, valid and invalid, against the pure model.
 * Whatever the sequence:
 * - the daemon never throws and answers only statuses 1.12 used for these routes;
 * - every 500 carries one of the messages a real 1.12.6 daemon gave (`documented-500s.ts`),
 *   never an internal error of the simulation;
 * - the state stays consistent: unique ids and names, execs belong to existing containers,
 *   only legal status transitions, running containers have a Pid, stopped ones have none.
 */

const STATUSES_1_12 = [200, 201, 204, 304, 400, 404, 409, 500]

type Status = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead'
/** Transitions a 1.12 container can make between two observations (self-loops allowed). */
const LEGAL: Record<Status, readonly Status[]> = {
  created: ['created', 'running', 'exited', 'dead'],
  running: ['running', 'paused', 'exited', 'restarting', 'dead'],
  paused: ['paused', 'running', 'exited', 'dead'],
  restarting: ['restarting', 'running', 'exited', 'dead'],
  exited: ['exited', 'running', 'restarting', 'dead'],
  dead: ['dead'],
}

// ---- the action language -------------------------------------------------------------------

/** A target is a reference to something created earlier (by index) or a junk string. */
type Target = { ref: number; form: 'id' | 'short' | 'name' } | { junk: string }

type Action =
  | {
      kind: 'create'
      image: string
      name: string | null
      cmd: string[] | null
      tty: boolean
      body: 'json' | 'badjson' | 'empty' | 'text'
    }
  | { kind: 'start' | 'pause' | 'unpause' | 'inspect' | 'top' | 'changes'; target: Target }
  | { kind: 'stop' | 'restart'; target: Target; t: string }
  | { kind: 'kill'; target: Target; signal: string }
  | { kind: 'rm'; target: Target; force: boolean }
  | { kind: 'rename'; target: Target; name: string }
  | { kind: 'resize'; target: Target; h: string; w: string }
  | { kind: 'execCreate'; target: Target; cmd: string[] | null; tty: boolean; contentType: string }
  | { kind: 'execStart'; exec: Target; body: string }
  | { kind: 'execResize'; exec: Target; h: string; w: string }
  | { kind: 'execInspect'; exec: Target }
  | { kind: 'tick'; ms: number }

const nameArb = fc.oneof(
  fc.constantFrom('web', 'db', 'k8s_POD.1_nginx', 'a', 'bad!name', '', '_x', 'web.1', 'x-y'),
  fc.stringMatching(/^[a-z][a-z0-9_.-]{1,8}$/),
)
const intArb = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map(String),
  fc.constantFrom('', 'abc', '-1', '40.5', '99999999999999999999', ' 1'),
)
const cmdArb = fc.oneof(
  fc.constantFrom<string[] | null>(
    ['top'],
    ['sleep', '5'],
    ['sleep', 'infinity'],
    ['echo', 'hi'],
    ['sh', '-c', 'while true; do sleep 1; done'],
    ['nosuchbinary'],
    ['/bin/missing'],
    ['sh'],
    ['false'],
    [],
    null,
  ),
)
const targetArb: fc.Arbitrary<Target> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      ref: fc.nat(20),
      form: fc.constantFrom<'id' | 'short' | 'name'>('id', 'short', 'name'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ junk: fc.constantFrom('nope', '0', 'abc', '%20', 'a/b') }) },
)

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      image: fc.constantFrom(
        'busybox',
        'nginx',
        'alpine:latest',
        'nosuchimage',
        'Bad_Ref',
        'busybox:nosuchtag',
      ),
      name: fc.option(nameArb, { nil: null, freq: 2 }),
      cmd: cmdArb,
      tty: fc.boolean(),
      body: fc.constantFrom<'json' | 'badjson' | 'empty' | 'text'>(
        'json',
        'json',
        'json',
        'json',
        'badjson',
        'empty',
        'text',
      ),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('start' as const), target: targetArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'pause' as const,
        'unpause' as const,
        'inspect' as const,
        'top' as const,
        'changes' as const,
      ),
      target: targetArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('stop' as const, 'restart' as const),
      target: targetArb,
      t: fc.constantFrom('0', '1', '', 'x'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('kill' as const),
      target: targetArb,
      signal: fc.constantFrom('', 'SIGKILL', 'KILL', '9', 'SIGTERM', 'HUP', 'BOGUS'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rm' as const),
      target: targetArb,
      force: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      target: targetArb,
      name: nameArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('resize' as const),
      target: targetArb,
      h: intArb,
      w: intArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('execCreate' as const),
      target: targetArb,
      cmd: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom<string[] | null>(
            ['top'],
            ['sleep', '5'],
            ['echo', 'hi'],
            ['sh'],
          ),
        },
        cmdArb,
      ),
      tty: fc.boolean(),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        '',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('execStart' as const),
      exec: targetArb,
      body: fc.constantFrom(
        '{"Detach":true}',
        '{"Detach":true}',
        '{"Detach":true}',
        '{"Detach":true,"Tty":true}',
        '',
        '{bad',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('execResize' as const),
      exec: targetArb,
      h: intArb,
      w: intArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('execInspect' as const), exec: targetArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      ms: fc.integer({ min: 0, max: 20_000 }),
    }),
  },
)

/** A create that succeeds (valid image, name and body), then usually a start: the material the rest works on. */
const setupArb: fc.Arbitrary<Action[]> = fc
  .record({
    image: fc.constantFrom('busybox', 'nginx', 'alpine:latest'),
    name: fc.option(fc.stringMatching(/^[a-z][a-z0-9_.-]{1,8}$/), { nil: null }),
    cmd: fc.constantFrom<string[] | null>(
      ['top'],
      ['sleep', '5'],
      ['sleep', 'infinity'],
      ['sh', '-c', 'while true; do sleep 1; done'],
      ['echo', 'hi'],
      null,
    ),
    tty: fc.boolean(),
    start: fc.boolean(),
  })
  .map(({ start, ...create }): Action[] => {
    const actions: Action[] = [{ kind: 'create', body: 'json', ...create }]
    if (start) actions.push({ kind: 'start', target: { ref: -1, form: 'id' } })
    return actions
  })

/** Sequences: a few good containers first, then anything. */
const sequenceArb = (maxLength: number): fc.Arbitrary<Action[]> =>
  fc
    .tuple(
      fc.array(setupArb, { minLength: 1, maxLength: 4 }),
      fc.array(actionArb, { minLength: 3, maxLength, size: 'max' }),
    )
    .map(([setup, rest]) => [...setup.flat(), ...rest])

// ---- running a sequence --------------------------------------------------------------------

const encoder = new TextEncoder()
const decoder = new TextDecoder()

interface World {
  daemon: Daemon
  now: { ms: number }
  containers: { id: string; name: string }[]
  execs: { id: string }[]
}

function resolveTarget(target: Target, pool: { id: string; name?: string }[]): string {
  if ('junk' in target) return target.junk
  const entry = target.ref < 0 ? pool.at(target.ref) : pool[target.ref % Math.max(pool.length, 1)]
  if (entry === undefined) return 'nothing-created-yet'
  if (target.form === 'short') return entry.id.slice(0, 12)
  if (target.form === 'name' && entry.name !== undefined) return entry.name
  return entry.id
}

async function call(
  world: World,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body: string | null = null,
  contentType: string | null = body === null ? null : 'application/json',
): Promise<{ response: DaemonResponse; text: string }> {
  const headers: Record<string, string> = {}
  if (contentType !== null && contentType !== '') headers['content-type'] = contentType
  const response = await world.daemon.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers,
    body: body === null || body === '' ? null : encoder.encode(body),
  })
  let text = ''
  const b = response.body
  if (typeof b === 'string') text = b
  else if (b instanceof Uint8Array) text = decoder.decode(b)
  // Streams (none expected for these calls) are left unread.
  return { response, text }
}

async function apply(
  world: World,
  action: Action,
): Promise<{ action: Action; status: number; text: string }> {
  const c = (t: Target) =>
    encodeURIComponent(resolveTarget(t, world.containers)).replace(/%2F/g, '/')
  const e = (t: Target) => resolveTarget(t, world.execs)
  let result: { response: DaemonResponse; text: string }
  switch (action.kind) {
    case 'create': {
      const config =
        action.cmd === null
          ? { Image: action.image, Tty: action.tty }
          : { Image: action.image, Cmd: action.cmd, Tty: action.tty }
      const body =
        action.body === 'json'
          ? JSON.stringify(config)
          : action.body === 'badjson'
            ? '{"Image": '
            : action.body === 'empty'
              ? ''
              : 'Image=busybox'
      result = await call(
        world,
        'POST',
        '/containers/create',
        action.name === null ? {} : { name: action.name },
        body,
        action.body === 'text' ? 'text/plain' : 'application/json',
      )
      if (result.response.status === 201) {
        const id = (JSON.parse(result.text) as { Id: string }).Id
        const inspected = await call(world, 'GET', `/containers/${id}/json`)
        world.containers.push({
          id,
          name: (JSON.parse(inspected.text) as { Name: string }).Name.slice(1),
        })
      }
      break
    }
    case 'start':
    case 'pause':
    case 'unpause':
      result = await call(world, 'POST', `/containers/${c(action.target)}/${action.kind}`)
      break
    case 'inspect':
      result = await call(world, 'GET', `/containers/${c(action.target)}/json`)
      break
    case 'top':
      result = await call(world, 'GET', `/containers/${c(action.target)}/top`)
      break
    case 'changes':
      result = await call(world, 'GET', `/containers/${c(action.target)}/changes`)
      break
    case 'stop':
    case 'restart': {
      // A process that ignores SIGTERM (a shell as PID 1) makes the stop wait `t` seconds of
      // the daemon's clock before SIGKILL: let them pass, as they would for a real client.
      const pending = call(world, 'POST', `/containers/${c(action.target)}/${action.kind}`, {
        t: action.t,
      })
      let answered = false
      void pending.then(() => {
        answered = true
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (!answered) {
        world.now.ms += 1000 * Number(action.t)
        await call(world, 'GET', '/_ping')
      }
      result = await pending
      break
    }
    case 'kill':
      result = await call(
        world,
        'POST',
        `/containers/${c(action.target)}/kill`,
        action.signal === '' ? {} : { signal: action.signal },
      )
      break
    case 'rm':
      result = await call(
        world,
        'DELETE',
        `/containers/${c(action.target)}`,
        action.force ? { force: '1' } : {},
      )
      break
    case 'rename': {
      const target = c(action.target)
      result = await call(world, 'POST', `/containers/${target}/rename`, { name: action.name })
      if (result.response.status === 204) {
        const renamed = world.containers.find(
          (x) => x.id === target || x.name === target || x.id.startsWith(target),
        )
        if (renamed !== undefined) renamed.name = action.name.replace(/^\//, '')
      }
      break
    }
    case 'resize':
      result = await call(world, 'POST', `/containers/${c(action.target)}/resize`, {
        h: action.h,
        w: action.w,
      })
      break
    case 'execCreate': {
      const body = JSON.stringify(
        action.cmd === null
          ? { Tty: action.tty }
          : { Cmd: action.cmd, Tty: action.tty, AttachStdout: true },
      )
      result = await call(
        world,
        'POST',
        `/containers/${c(action.target)}/exec`,
        {},
        body,
        action.contentType,
      )
      if (result.response.status === 201)
        world.execs.push({ id: (JSON.parse(result.text) as { Id: string }).Id })
      break
    }
    case 'execStart':
      result = await call(world, 'POST', `/exec/${e(action.exec)}/start`, {}, action.body)
      break
    case 'execResize':
      result = await call(world, 'POST', `/exec/${e(action.exec)}/resize`, {
        h: action.h,
        w: action.w,
      })
      break
    case 'execInspect':
      result = await call(world, 'GET', `/exec/${e(action.exec)}/json`)
      break
    case 'tick':
      world.now.ms += action.ms
      // Any routed request lets the daemon notice processes that ended by themselves
      // (`sleep 5`), so the next observation of the state is not stale.
      await call(world, 'GET', '/_ping')
      return { action, status: 0, text: '' }
  }
  // Streams (a non-detached exec start) are closed right away.
  const b = result.response.body
  if (b !== null && typeof b === 'object' && Symbol.asyncIterator in b) {
    await (b as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]().return?.()
  }
  return { action, status: result.response.status, text: result.text }
}

function message(text: string): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text
  } catch {
    return text.trim()
  }
}

/** The string an action puts in its URL for its container or exec. */
function refOf(world: World, action: Action): string {
  if ('target' in action) return resolveTarget(action.target, world.containers)
  if ('exec' in action) return resolveTarget(action.exec, world.execs)
  return ''
}

/** `daemon.GetContainer`: full id, then exact name, then unique id prefix. */
function lookupContainer(state: Daemon['state'], ref: string): string | undefined {
  if (ref === '') return undefined
  if (state.containers.has(ref)) return ref
  const byName = state.names.get(ref.startsWith('/') ? ref : `/${ref}`)
  if (byName !== undefined) return byName
  const matches = [...state.containers.keys()].filter((id) => id.startsWith(ref))
  return matches.length === 1 ? matches[0] : undefined
}

/**
 * What a successful (or 304) answer promises about the state afterwards: the API's own state
 * machine, e.g. a 204 pause leaves the container paused and a 304 start means it was running.
 */
function checkPostcondition(
  state: Daemon['state'],
  action: Action,
  status: number,
  id: string | undefined,
  before: Status | undefined,
): string | null {
  const after =
    id === undefined ? undefined : (state.containers.get(id)?.state.status as Status | undefined)
  const expectStatus = (allowed: readonly (Status | undefined)[]): string | null =>
    allowed.includes(after)
      ? null
      : `${action.kind} → ${status} but the container is ${after ?? 'gone'}`
  switch (action.kind) {
    case 'start':
      if (status === 204) return expectStatus(['running', 'exited'])
      if (status === 304)
        return before === 'running' ? null : `start → 304 on a ${before} container`
      return null
    case 'stop':
      if (status === 204) return expectStatus(['exited'])
      if (status === 304)
        return before === 'created' || before === 'exited'
          ? null
          : `stop → 304 on a ${before} container`
      return null
    case 'restart':
      return status === 204 ? expectStatus(['running', 'exited']) : null
    case 'kill':
      if (status === 204 && ['', 'SIGKILL', 'KILL', '9'].includes(action.signal))
        return expectStatus(['exited'])
      if (status === 204) return before === 'running' ? null : `kill → 204 on a ${before} container`
      return null
    case 'pause':
      return status === 204 ? expectStatus(['paused']) : null
    case 'unpause':
      return status === 204 ? expectStatus(['running']) : null
    case 'rm':
      if (status === 204) {
        if (id !== undefined && state.containers.has(id))
          return 'rm → 204 but the container is still there'
        if (id !== undefined && [...state.execs.values()].some((x) => x.containerId === id))
          return 'rm → 204 left its execs behind'
        return null
      }
      if (
        status === 409 &&
        !action.force &&
        before !== 'running' &&
        before !== 'paused' &&
        before !== 'restarting'
      ) {
        return `rm → 409 on a ${before} container`
      }
      return null
    case 'rename': {
      if (status !== 204 || id === undefined) return null
      const name = state.containers.get(id)?.name
      const wanted = `/${action.name.replace(/^\//, '')}`
      return name === wanted ? null : `rename → 204 but the name is ${name}, not ${wanted}`
    }
    case 'resize':
      return status === 200 && before !== 'running' && before !== 'paused'
        ? `resize → 200 on a ${before} container`
        : null
    default:
      return null
  }
}

function checkInvariants(daemon: Daemon, previous: Map<string, Status>): string | null {
  const { containers, names, execs } = daemon.state
  const seenNames = new Set<string>()
  for (const [key, container] of containers) {
    if (key !== container.id) return `container key ${key} ≠ id ${container.id}`
    if (!/^[0-9a-f]{64}$/.test(container.id)) return `bad id ${container.id}`
    if (seenNames.has(container.name)) return `duplicate name ${container.name}`
    seenNames.add(container.name)
    if (names.get(container.name) !== container.id) return `name index lost ${container.name}`
    const status = container.state.status as Status
    const before = previous.get(container.id)
    if (before === undefined && status !== 'created')
      return `new container ${container.id} is ${status}, not created`
    if (before !== undefined && !LEGAL[before].includes(status))
      return `illegal transition ${before} → ${status}`
    const live = status === 'running' || status === 'paused'
    if (live && !(container.state.pid > 0))
      return `${status} container ${container.id} has Pid ${container.state.pid}`
    if (
      (status === 'created' || status === 'exited' || status === 'dead') &&
      container.state.pid !== 0
    )
      return `${status} container ${container.id} has Pid ${container.state.pid}`
    // The container's ExecIDs and the daemon's exec store agree, both ways
    // (daemon.Cleanup unregisters a stopped container's execs from both).
    for (const execId of container.execIds) {
      const exec = execs.get(execId)
      if (exec === undefined)
        return `container lists exec ${execId}, which the daemon does not know`
      if (exec.containerId !== container.id) return `exec ${execId} listed by the wrong container`
    }
  }
  if (names.size !== containers.size) return `${names.size} names for ${containers.size} containers`
  for (const [key, exec] of execs) {
    if (key !== exec.id) return `exec key ${key} ≠ id ${exec.id}`
    const owner = containers.get(exec.containerId)
    if (owner === undefined)
      return `exec ${exec.id} belongs to missing container ${exec.containerId}`
    if (!owner.execIds.includes(exec.id))
      return `exec ${exec.id} is missing from its container's ExecIDs`
  }
  previous.clear()
  for (const container of containers.values())
    previous.set(container.id, container.state.status as Status)
  return null
}

describe('daemon properties under random call sequences', () => {
  it('answers only 1.12 statuses, documented 500 messages, and keeps its invariants', async () => {
    const seen = new Set<number>()
    await fc.assert(
      fc.asyncProperty(sequenceArb(30), async (actions) => {
        const now = { ms: Date.UTC(2017, 0, 14, 12) }
        const daemon = createDaemon({ clock: () => new Date(now.ms) })
        const world: World = { daemon, now, containers: [], execs: [] }
        const previous = new Map<string, Status>()
        try {
          for (const action of actions) {
            const ref = refOf(world, action)
            const targetId = 'target' in action ? lookupContainer(daemon.state, ref) : undefined
            const targetBefore = targetId === undefined ? undefined : previous.get(targetId)
            const { status, text } = await apply(world, action)
            seen.add(status)
            if (process.env.PROP_STATS)
              console.log('STAT', action.kind, status, status >= 400 ? text.slice(0, 90) : '')
            const violated = checkPostcondition(
              daemon.state,
              action,
              status,
              targetId,
              targetBefore,
            )
            expect(violated, `after ${JSON.stringify(action)} on ${ref}`).toBeNull()
            if (status !== 0) {
              expect(STATUSES_1_12, `${action.kind} answered ${status}: ${text}`).toContain(status)
              if (status === 500) {
                const msg = message(text)
                expect(
                  ALLOWED_500.some((pattern) => pattern.test(msg)),
                  `undocumented 500 for ${JSON.stringify(action)}: ${msg}`,
                ).toBe(true)
              }
            }
            const broken = checkInvariants(daemon, previous)
            expect(broken, `after ${JSON.stringify(action)}`).toBeNull()
          }
        } finally {
          daemon.dispose()
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 200), interruptAfterTimeLimit: 50_000 },
    )
    // Not vacuous: the generator reached successes, 304s and every error class.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 201, 204, 304, 404, 409, 500]))
  }, 60_000)

  it('snapshot and restore give back an equal state after any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(sequenceArb(15), async (actions) => {
        const now = { ms: Date.UTC(2017, 0, 14, 12) }
        const daemon = createDaemon({ clock: () => new Date(now.ms) })
        const world: World = { daemon, now, containers: [], execs: [] }
        try {
          for (const action of actions) await apply(world, action)
          const snapshot = daemon.snapshot()
          const copy = createDaemon({ clock: () => new Date(now.ms) })
          copy.restore(snapshot)
          expect(copy.snapshot()).toBe(snapshot)
          copy.dispose()
        } finally {
          daemon.dispose()
        }
      }),
      { numRuns: 100, interruptAfterTimeLimit: 30_000 },
    )
  }, 40_000)
})
