import { afterEach, describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { demux } from '../wire/stdcopy.ts'

/** Every request of these tests goes to API 1.24 explicitly, as the docker CLI sends it. */
const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

/** `sh -c` scripts through the daemon, with the injected clock moved by hand. */

const dec = new TextDecoder()
let now = 0
let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

function daemon(): SimulatedDaemon {
  now = Date.parse('2017-01-14T12:00:00Z')
  const d = createDaemon({ clock: () => new Date(now) })
  daemons.push(d)
  return d
}

async function run(d: SimulatedDaemon, name: string, script: string, extra: object = {}) {
  const c = await call(d, 'POST', `/containers/create?name=${name}`, {
    Image: 'busybox',
    Cmd: ['sh', '-c', script],
    ...extra,
  })
  expect(c.status).toBe(201)
  expect((await call(d, 'POST', `/containers/${name}/start`)).status).toBe(204)
  return JSON.parse(c.text).Id as string
}

/** The logs as [stream, text] frames (1 = stdout, 2 = stderr). */
async function logs(d: SimulatedDaemon, name: string): Promise<Array<[number, string]>> {
  const r = await call(d, 'GET', `/containers/${name}/logs?stdout=1&stderr=1`)
  return demux(r.bytes).frames.map((f) => [f.stream, dec.decode(f.payload)])
}

async function state(d: SimulatedDaemon, name: string) {
  return JSON.parse((await call(d, 'GET', `/containers/${name}/json`)).text).State as {
    Running: boolean
    Paused: boolean
    Restarting: boolean
    ExitCode: number
  }
}

describe('sh -c scripts on the daemon clock', () => {
  it('echo a; sleep 1; echo b: prints a, then b a second later, then exits 0', async () => {
    const d = daemon()
    await run(d, 'slp', 'echo a; sleep 1; echo b')
    expect(await logs(d, 'slp')).toEqual([[1, 'a\n']])
    now += 999
    expect(await state(d, 'slp')).toMatchObject({ Running: true })
    now += 1
    expect(await logs(d, 'slp')).toEqual([
      [1, 'a\n'],
      [1, 'b\n'],
    ])
    expect(await state(d, 'slp')).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('sleep 1 && echo after; exit codes after a sleep', async () => {
    const d = daemon()
    await run(d, 'sa', 'sleep 1 && echo after')
    await run(d, 'sb', 'sleep 2; exit 5')
    expect(await logs(d, 'sa')).toEqual([])
    now += 1000
    expect(await logs(d, 'sa')).toEqual([[1, 'after\n']])
    expect(await state(d, 'sb')).toMatchObject({ Running: true })
    now += 1000
    expect(await state(d, 'sb')).toMatchObject({ Running: false, ExitCode: 5 })
  })

  it('while true; do echo hello; sleep 1; done logs a line per second until stopped', async () => {
    const d = daemon()
    await run(d, 'loop', 'while true; do echo hello; sleep 1; done')
    now += 3500
    expect(await logs(d, 'loop')).toEqual(Array(4).fill([1, 'hello\n']))
    const r = await call(d, 'GET', '/containers/loop/logs?stdout=1&timestamps=1')
    expect(dec.decode(r.bytes)).toContain('2017-01-14T12:00:03.000000000Z hello')
    // As PID 1, sh ignores SIGTERM: stop waits its timeout, then SIGKILLs (137).
    expect((await call(d, 'POST', '/containers/loop/stop?t=0')).status).toBe(204)
    expect(await state(d, 'loop')).toMatchObject({ Running: false, ExitCode: 137 })
    now += 5000
    expect(await logs(d, 'loop')).toHaveLength(4)
  })

  it('a loop without sleep writes a bounded amount per tick and never hangs', async () => {
    const d = daemon()
    await run(d, 'busy', 'while true; do echo x; done')
    expect(await logs(d, 'busy')).toEqual([[1, 'x\n'.repeat(10)]])
    now += 1000
    const lines = (await logs(d, 'busy')).map(([, t]) => t).join('')
    expect(lines).toBe('x\n'.repeat(110))
    expect(await state(d, 'busy')).toMatchObject({ Running: true })
    await call(d, 'POST', '/containers/busy/kill')
    expect(await state(d, 'busy')).toMatchObject({ Running: false, ExitCode: 137 })
  })

  it('>&2 goes to stderr; $HOSTNAME and Config.Env variables expand', async () => {
    const d = daemon()
    const id = await run(d, 'vars', 'echo err >&2; echo $HOSTNAME "$GREETING" $NOPE', {
      Env: ['GREETING=hi there'],
    })
    expect(await logs(d, 'vars')).toEqual([
      [2, 'err\n'],
      [1, `${id.slice(0, 12)} hi there \n`],
    ])
    await run(d, 'named', 'echo $HOSTNAME; hostname', { Hostname: 'box' })
    expect(await logs(d, 'named')).toEqual([[1, 'box\nbox\n']])
  })

  it('unknown commands: sh: x: not found, 127, and the script goes on', async () => {
    const d = daemon()
    await run(d, 'nf', 'nosuch; echo next')
    expect(await logs(d, 'nf')).toEqual([
      [2, 'sh: nosuch: not found\n'],
      [1, 'next\n'],
    ])
    expect(await state(d, 'nf')).toMatchObject({ ExitCode: 0 })
    await run(d, 'nf2', 'echo a; nosuch')
    expect(await state(d, 'nf2')).toMatchObject({ Running: false, ExitCode: 127 })
  })

  it('for loops, echo -n, cat without stdin (-i keeps it running)', async () => {
    const d = daemon()
    await run(d, 'for', 'for i in a b c; do echo -n $i; sleep 1; done; echo')
    now += 3000
    expect((await logs(d, 'for')).map(([, t]) => t)).toEqual(['a', 'b', 'c', '\n'])
    expect(await state(d, 'for')).toMatchObject({ Running: false, ExitCode: 0 })
    await run(d, 'cat', 'echo ready; cat')
    expect(await state(d, 'cat')).toMatchObject({ Running: false, ExitCode: 0 })
    await run(d, 'cati', 'echo ready; cat; echo never', { OpenStdin: true })
    now += 10_000
    expect(await logs(d, 'cati')).toEqual([[1, 'ready\n']])
    expect(await state(d, 'cati')).toMatchObject({ Running: true })
  })

  it('a paused script does not run; it catches up on unpause', async () => {
    const d = daemon()
    await run(d, 'paused', 'echo a; sleep 1; echo b; sleep 1; echo c')
    await call(d, 'POST', '/containers/paused/pause')
    now += 5000
    expect(await logs(d, 'paused')).toEqual([[1, 'a\n']])
    await call(d, 'POST', '/containers/paused/unpause')
    expect(await logs(d, 'paused')).toEqual([
      [1, 'a\n'],
      [1, 'b\n'],
    ])
    now += 1000
    expect(await state(d, 'paused')).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('a restart policy runs the script again from the start', async () => {
    const d = daemon()
    await run(d, 'retry', 'echo go; sleep 1; exit 1', {
      HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 } },
    })
    now += 1000
    expect(await state(d, 'retry')).toMatchObject({ Restarting: true, ExitCode: 1 })
    now += 100 // the first back-off
    expect(await logs(d, 'retry')).toEqual([
      [1, 'go\n'],
      [1, 'go\n'],
    ])
    now += 1000
    expect(await state(d, 'retry')).toMatchObject({ Running: false, ExitCode: 1 })
  })

  it('docker start again after exit restarts the script', async () => {
    const d = daemon()
    await run(d, 'again', 'sleep 1; echo done')
    now += 1000
    expect(await state(d, 'again')).toMatchObject({ Running: false })
    await call(d, 'POST', '/containers/again/start')
    now += 1000
    expect(await logs(d, 'again')).toEqual([
      [1, 'done\n'],
      [1, 'done\n'],
    ])
  })
})
