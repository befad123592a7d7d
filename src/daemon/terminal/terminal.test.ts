import { afterEach, describe, expect, it } from 'vitest'
import { call, jsonRequest } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { DAEMON_STDIN_HEADER, type DaemonResponse } from '../types.ts'
import { demux } from '../wire/stdcopy.ts'

/**
 * Interactive sessions through the daemon's own API, as the docker CLI drives them: create,
 * attach (or exec create + start) with stdin, type, resize, exit. The clock is moved by hand.
 */

let now = Date.parse('2017-01-14T12:00:00Z')
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

const decoder = new TextDecoder()

/** Reads a streamed body in the background; `text()` is what arrived so far. */
function reader(res: DaemonResponse) {
  const chunks: Uint8Array[] = []
  let ended = false
  const body = res.body
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    throw new Error('expected a stream')
  }
  const done = (async () => {
    for await (const c of body) chunks.push(c)
    ended = true
  })()
  const bytes = () => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
    let o = 0
    for (const c of chunks) {
      all.set(c, o)
      o += c.byteLength
    }
    return all
  }
  return {
    text: () => decoder.decode(bytes()),
    bytes,
    get ended() {
      return ended
    },
    done,
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

async function runIt(
  d: SimulatedDaemon,
  config: object,
  query = 'stdin=1&stdout=1&stderr=1&stream=1',
) {
  const created = await call(d, 'POST', '/v1.24/containers/create?name=box', {
    Image: 'busybox',
    Cmd: ['sh'],
    Tty: true,
    OpenStdin: true,
    StdinOnce: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    ...config,
  })
  expect(created.status).toBe(201)
  const attached = await d.handle(
    jsonRequest('POST', `/v1.24/containers/box/attach?${query}`, undefined, {
      upgrade: 'tcp',
      connection: 'Upgrade',
    }),
  )
  expect(attached.status).toBe(101)
  const out = reader(attached)
  const token = attached.headers[DAEMON_STDIN_HEADER]
  const stdin = token === undefined ? undefined : d.stdin(token)
  expect((await call(d, 'POST', '/v1.24/containers/box/start')).status).toBe(204)
  await settle()
  return { out, stdin }
}

describe('docker run -it busybox sh', () => {
  it('prompts, echoes what is typed, answers stty size from the live TTY and exits with exit N', async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, {})
    expect(stdin).toBeDefined()
    expect(out.text()).toBe('/ # ')
    // A fresh pty is 0×0 until someone sets its size.
    stdin?.write('stty size\r')
    await settle()
    expect(out.text()).toBe('/ # stty size\r\n0 0\r\n/ # ')
    expect((await call(d, 'POST', '/v1.24/containers/box/resize?h=40&w=120')).status).toBe(200)
    stdin?.write('stty size\r')
    await settle()
    expect(out.text().endsWith('stty size\r\n40 120\r\n/ # ')).toBe(true)
    stdin?.write('echo $((6 * 7))\r')
    await settle()
    expect(out.text().endsWith('echo $((6 * 7))\r\n42\r\n/ # ')).toBe(true)
    stdin?.write('exit 3\r')
    await out.done
    const inspect = JSON.parse((await call(d, 'GET', '/v1.24/containers/box/json')).text)
    expect(inspect.State).toMatchObject({ Running: false, ExitCode: 3 })
  })

  it('backspace rubs out, Ctrl-C drops the line and interrupts a sleep, Ctrl-D exits with the last status', async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, {})
    stdin?.write('ecx\x7fho hi\r')
    await settle()
    expect(out.text()).toBe('/ # ecx\b \bho hi\r\nhi\r\n/ # ')
    stdin?.write('half a line\x03')
    await settle()
    expect(out.text().endsWith('/ # half a line^C\r\n/ # ')).toBe(true)
    stdin?.write('sleep 100\r')
    await settle()
    now += 1000
    stdin?.write('\x03')
    await settle()
    expect(out.text().endsWith('sleep 100\r\n^C\r\n/ # ')).toBe(true)
    stdin?.write('echo $?\r')
    await settle()
    expect(out.text().endsWith('130\r\n/ # ')).toBe(true)
    stdin?.write('\x04')
    await out.done
    const inspect = JSON.parse((await call(d, 'GET', '/v1.24/containers/box/json')).text)
    expect(inspect.State.ExitCode).toBe(0)
  })

  it('Ctrl-P Ctrl-Q detaches: the attach ends with a detach event, the shell keeps running', async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, {})
    stdin?.write('\x10')
    stdin?.write('\x11')
    await out.done
    const inspect = JSON.parse((await call(d, 'GET', '/v1.24/containers/box/json')).text)
    expect(inspect.State.Running).toBe(true)
    const events = await call(d, 'GET', `/v1.24/events?since=0&until=${Math.ceil(now / 1000) + 1}`)
    expect(events.text).toContain('"status":"detach"')
    // Both keys in one write are not a detach (copyEscapable reads them as one chunk).
    const again = await d.handle(
      jsonRequest('POST', '/v1.24/containers/box/attach?stdin=1&stdout=1&stream=1', undefined, {
        upgrade: 'tcp',
      }),
    )
    const out2 = reader(again)
    const stdin2 = d.stdin(again.headers[DAEMON_STDIN_HEADER] ?? '')
    stdin2?.write('\x10\x11')
    await settle()
    expect(out2.ended).toBe(false)
  })

  it('ls lists in columns that fit the terminal: 80 wide when never resized, narrower after', async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, {})
    stdin?.write('ls /\r')
    await settle()
    const wide = out.text().split('\r\n').slice(1, -1)
    // Ten names of at most 4 characters, 6 columns each: all on one line of a 0×0 (= 80) tty.
    expect(wide).toHaveLength(1)
    await call(d, 'POST', '/v1.24/containers/box/resize?h=24&w=20')
    const before = out.text().length
    stdin?.write('ls /\r')
    await settle()
    const narrow = out.text().slice(before).split('\r\n').slice(1, -1)
    expect(narrow.length).toBe(4)
    expect(narrow.every((l) => l.length <= 20)).toBe(true)
  })

  it('top repaints on a resize and quits on q', async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, {})
    await call(d, 'POST', '/v1.24/containers/box/resize?h=10&w=30')
    stdin?.write('top\r')
    await settle()
    const clears = () => out.text().split('\x1b[H\x1b[J').length - 1
    expect(clears()).toBe(1)
    // Lines are cut to the terminal's width (29 columns).
    expect(out.text()).toContain('CPU:   0% usr   0% sys   0% n\r\n')
    await call(d, 'POST', '/v1.24/containers/box/resize?h=10&w=50')
    await settle()
    expect(clears()).toBe(2)
    now += 5000
    d.handle(jsonRequest('GET', '/v1.24/_ping'))
    await settle()
    expect(clears()).toBeGreaterThanOrEqual(3)
    stdin?.write('q')
    await settle()
    expect(out.text().endsWith('\r\n/ # ')).toBe(true)
  })
})

describe('stdin without a TTY', () => {
  it("printf 'a\\nb\\n' | docker run -i busybox cat: both lines, then end of file ends cat", async () => {
    const d = daemon()
    const { out, stdin } = await runIt(d, { Cmd: ['cat'], Tty: false })
    stdin?.write('a\nb\n')
    stdin?.end()
    await out.done
    const frames = demux(out.bytes()).frames.map((f) => [f.stream, decoder.decode(f.payload)])
    expect(frames).toEqual([[1, 'a\nb\n']])
    const inspect = JSON.parse((await call(d, 'GET', '/v1.24/containers/box/json')).text)
    expect(inspect.State).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('stdin sent before the start reaches the process; sh runs piped lines and exits at EOF', async () => {
    const d = daemon()
    await call(d, 'POST', '/v1.24/containers/create?name=box', {
      Image: 'busybox',
      Cmd: ['sh'],
      OpenStdin: true,
      StdinOnce: true,
    })
    const attached = await d.handle(
      jsonRequest('POST', '/v1.24/containers/box/attach?stdin=1&stdout=1&stderr=1&stream=1'),
    )
    const out = reader(attached)
    const stdin = d.stdin(attached.headers[DAEMON_STDIN_HEADER] ?? '')
    stdin?.write('echo one | cat\nnope\nexit 4')
    stdin?.end()
    await call(d, 'POST', '/v1.24/containers/box/start')
    await out.done
    const frames = demux(out.bytes()).frames.map((f) => [f.stream, decoder.decode(f.payload)])
    expect(frames).toEqual([
      [1, 'one\n'],
      [2, 'sh: nope: not found\n'],
    ])
    const inspect = JSON.parse((await call(d, 'GET', '/v1.24/containers/box/json')).text)
    expect(inspect.State.ExitCode).toBe(4)
  })
})

describe('docker exec -it', () => {
  async function execIt(d: SimulatedDaemon) {
    await call(d, 'POST', '/v1.24/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] })
    await call(d, 'POST', '/v1.24/containers/web/start')
    const created = await call(d, 'POST', '/v1.24/containers/web/exec', {
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Cmd: ['sh'],
    })
    const id = JSON.parse(created.text).Id as string
    const started = await d.handle(
      jsonRequest(
        'POST',
        `/v1.24/exec/${id}/start`,
        { Detach: false, Tty: true },
        { upgrade: 'tcp' },
      ),
    )
    expect(started.status).toBe(101)
    const out = reader(started)
    const stdin = d.stdin(started.headers[DAEMON_STDIN_HEADER] ?? '')
    await settle()
    return { id, out, stdin }
  }

  it('resize changes stty size at once; exit 3 ends the stream and inspect shows 3', async () => {
    const d = daemon()
    const { id, out, stdin } = await execIt(d)
    expect(out.text()).toBe('/ # ')
    expect((await call(d, 'POST', `/v1.24/exec/${id}/resize?h=33&w=101`)).status).toBe(200)
    stdin?.write('stty size; hostname | wc -c\r')
    await settle()
    expect(out.text()).toMatch(/^\/ # stty size; hostname \| wc -c\r\n33 101\r\n13\r\n\/ # $/)
    stdin?.write('exit 3\r')
    await out.done
    const inspect = JSON.parse((await call(d, 'GET', `/v1.24/exec/${id}/json`)).text)
    expect(inspect).toMatchObject({ Running: false, ExitCode: 3 })
    expect(d.stdin(id)).toBeUndefined()
  })

  it('end of stdin on a TTY ends the attach but not the process (it still resizes)', async () => {
    const d = daemon()
    const { id, out, stdin } = await execIt(d)
    stdin?.end()
    await out.done
    const inspect = JSON.parse((await call(d, 'GET', `/v1.24/exec/${id}/json`)).text)
    expect(inspect.Running).toBe(true)
    expect((await call(d, 'POST', `/v1.24/exec/${id}/resize?h=1&w=1`)).status).toBe(200)
  })

  it('stopping the container ends the session and frees its stdin', async () => {
    const d = daemon()
    const started = await execIt(d)
    await call(d, 'POST', '/v1.24/containers/web/kill')
    await started.out.done
    started.stdin?.write('echo late\r')
    expect(started.out.text()).toBe('/ # ')
  })
})
