import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { demux } from '../stdcopy.ts'
import { LineDiscipline } from '../terminal/line-discipline.ts'
import { reader } from '../terminal/test-process.ts'
import { call, jsonRequest } from '../test-client.ts'
import { DAEMON_STDIN_HEADER } from '../types.ts'

/**
 * A student's first session, as the review of issue 14 found it: each case the wrong answer or
 * the hang it gave, now the right answer (busybox 1.25.1's) or an honest "not modelled".
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
const settle = () => new Promise((r) => setTimeout(r, 0))
const v = (path: string) => `/v1.24${path}`

/** docker run [-i] [-t] IMAGE CMD…, attached, with the stdin session if -i. */
async function dockerRun(
  d: SimulatedDaemon,
  cmd: string[],
  opts: { i?: boolean; t?: boolean; image?: string; hostname?: string } = {},
) {
  const created = await call(d, 'POST', v('/containers/create?name=box'), {
    Image: opts.image ?? 'busybox',
    Cmd: cmd,
    Tty: opts.t === true,
    OpenStdin: opts.i === true,
    StdinOnce: opts.i === true,
    AttachStdin: opts.i === true,
    AttachStdout: true,
    AttachStderr: true,
    Hostname: opts.hostname ?? '',
  })
  expect(created.status).toBe(201)
  const attached = await d.handle(
    jsonRequest(
      'POST',
      v(`/containers/box/attach?stream=1&stdout=1&stderr=1${opts.i === true ? '&stdin=1' : ''}`),
      undefined,
      {
        upgrade: 'tcp',
        connection: 'Upgrade',
      },
    ),
  )
  const out = reader(attached)
  const token = attached.headers[DAEMON_STDIN_HEADER]
  const stdin = token === undefined ? undefined : d.stdin(token)
  expect((await call(d, 'POST', v('/containers/box/start'))).status).toBe(204)
  await settle()
  const frames = () => demux(out.bytes()).frames.map((f) => [f.stream, decoder.decode(f.payload)])
  const state = async () => JSON.parse((await call(d, 'GET', v('/containers/box/json'))).text).State
  return { out, stdin, frames, state }
}

/** docker exec [-it] CONTAINER CMD…: the attached stream and the exec id. */
async function dockerExec(d: SimulatedDaemon, container: string, cmd: string[], tty = false) {
  const created = await call(d, 'POST', v(`/containers/${container}/exec`), {
    AttachStdin: tty,
    AttachStdout: true,
    AttachStderr: true,
    Tty: tty,
    Cmd: cmd,
  })
  const id = JSON.parse(created.text).Id as string
  const started = await d.handle(
    jsonRequest('POST', v(`/exec/${id}/start`), { Detach: false, Tty: tty }, { upgrade: 'tcp' }),
  )
  const out = reader(started)
  const stdin = d.stdin(started.headers[DAEMON_STDIN_HEADER] ?? '')
  await settle()
  const inspect = async () => JSON.parse((await call(d, 'GET', v(`/exec/${id}/json`))).text)
  return { id, out, stdin, inspect }
}

/** docker run -d NAME CMD…, then the clock moved by `ms`: its logs and its state. */
async function runDetached(
  d: SimulatedDaemon,
  name: string,
  cmd: string[],
  ms = 0,
  extra: object = {},
) {
  await startContainer(d, name, cmd, extra)
  now += ms
  const logs = await call(d, 'GET', v(`/containers/${name}/logs?stdout=1&stderr=1`))
  const frames = demux(logs.bytes).frames.map((f) => [f.stream, decoder.decode(f.payload)])
  const state = JSON.parse((await call(d, 'GET', v(`/containers/${name}/json`))).text).State
  const text = (stream: number) =>
    frames
      .filter(([s]) => s === stream)
      .map(([, t]) => t)
      .join('')
  return { frames, state, stdout: text(1), stderr: text(2), raw: decoder.decode(logs.bytes) }
}

async function startContainer(d: SimulatedDaemon, name: string, cmd: string[], extra: object = {}) {
  await call(d, 'POST', v(`/containers/create?name=${name}`), {
    Image: 'busybox',
    Cmd: cmd,
    ...extra,
  })
  return call(d, 'POST', v(`/containers/${name}/start`))
}

describe("a student's first session", () => {
  it('ping -c1 127.0.0.1 replies once, prints the statistics and exits 0 (it ran forever)', async () => {
    const d = daemon()
    const t = await runDetached(d, 'p1', ['ping', '-c1', '127.0.0.1'])
    expect(t.stdout).toBe(
      'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n' +
        '64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.045 ms\n\n' +
        '--- 127.0.0.1 ping statistics ---\n' +
        '1 packets transmitted, 1 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = 0.045/0.045/0.045 ms\n',
    )
    expect(t.state).toMatchObject({ Running: false, ExitCode: 0 })
    const three = await runDetached(d, 'p3', ['ping', '-c', '3', 'localhost'], 2000)
    expect([three.stdout.match(/seq=/g)?.length, three.state.ExitCode]).toEqual([3, 0])
  })

  it('echo hello | docker run -i busybox sh -c cat prints hello and exits 0 (it hung)', async () => {
    const d = daemon()
    const r = await dockerRun(d, ['sh', '-c', 'cat'], { i: true })
    r.stdin?.write('hello\n')
    r.stdin?.end()
    await r.out.done
    expect(r.frames()).toEqual([[1, 'hello\n']])
    expect(await r.state()).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it("sh -c 'cat; echo done' reads to end of file, then goes on (it hung)", async () => {
    const d = daemon()
    const r = await dockerRun(d, ['sh', '-c', 'cat; echo done'], { i: true })
    r.stdin?.write('hello\n')
    r.stdin?.end()
    await r.out.done
    expect(
      r
        .frames()
        .map(([, t]) => t)
        .join(''),
    ).toBe('hello\ndone\n')
  })

  it("sh -c 'read x' reads a line (it said read: not found)", async () => {
    const d = daemon()
    const r = await dockerRun(d, ['sh', '-c', 'read x; echo "got $x"; read y || echo eof'], {
      i: true,
    })
    r.stdin?.write('one two\n')
    r.stdin?.end()
    await r.out.done
    expect(r.frames().map(([, t]) => t).join('')).toBe('got one two\neof\n')
    // Without -i stdin is empty: read fails at once, and is no "not found".
    const closed = await runDetached(d, 'closed', ['sh', '-c', 'read x; echo $?'])
    expect(closed.frames).toEqual([[1, '1\n']])
  })

  it('head -n1 takes -n1 as the count (it took it for a file)', async () => {
    const t = await runDetached(daemon(), 'h1', [
      'sh',
      '-c',
      'printf "a\\nb\\nc\\n" | head -n1; printf "a\\nb\\n" | head -1',
    ])
    expect([t.stdout, t.stderr, t.state.ExitCode]).toEqual(['a\na\n', '', 0])
  })

  it('cd /tmp; ls -l lists /tmp in long format (it listed /, one name a line)', async () => {
    const d = daemon()
    const { stdin, out } = await dockerRun(d, ['sh'], { i: true, t: true })
    const put = await d.handle({
      method: 'PUT',
      path: v('/containers/box/archive'),
      query: new URLSearchParams('path=/tmp'),
      headers: { 'content-type': 'application/x-tar' },
      body: tar('notes.txt', 'hello\n'),
    })
    expect(put.status).toBe(200)
    stdin?.write('cd /tmp; ls -l\r')
    await settle()
    const lines = out.text().split('\r\n')
    expect(lines.slice(1, 3)).toEqual([
      'total 4',
      '-rw-r--r--    1 root     root             6 Jan 14 12:00 notes.txt',
    ])
    expect(lines[3]).toBe('/tmp # ')
  })

  it("top in docker exec -it shows the container's PID 1 as ps does (it showed sh)", async () => {
    const d = daemon()
    await startContainer(d, 'web', ['nginx', '-g', 'daemon off;'])
    const ps = await dockerExec(d, 'web', ['ps'])
    await ps.out.done
    expect(decoder.decode(ps.out.bytes())).toContain('    1 root       0:00 nginx -g daemon off;')
    const top = await dockerExec(d, 'web', ['top'], true)
    const screen = top.out.text()
    expect(screen).toMatch(/\n {4}1 {5}0 root {5}S .* nginx -g daemon off;/)
    expect(screen).toMatch(/\n {4}7 {5}1 root {5}R .* top/)
    expect(screen).not.toMatch(/% sh\b/)
  })

  it('date follows the daemon clock (it printed a fixed 2017 date)', async () => {
    const d = daemon()
    now = Date.parse('2026-12-07T20:13:25Z')
    expect((await runDetached(d, 'clock', ['date'])).stdout).toBe('Mon Dec  7 20:13:25 UTC 2026\n')
    now = 86_400_000
    expect((await runDetached(d, 'epoch', ['date', '+%s'])).stdout).toBe('86400\n')
  })

  it("docker run -it ubuntu bash prompts root@HOSTNAME:/# (it gave busybox's / #)", async () => {
    const d = daemon()
    const pull = await call(d, 'POST', v('/images/create?fromImage=ubuntu&tag=16.04'))
    expect(pull.status).toBe(200)
    const { out, stdin } = await dockerRun(d, ['bash'], {
      i: true,
      t: true,
      image: 'ubuntu:16.04',
      hostname: 'c0ffee',
    })
    expect(out.text()).toBe('root@c0ffee:/# ')
    stdin?.write('cd /etc; nosuch\r')
    await settle()
    expect(out.text()).toBe(
      'root@c0ffee:/# cd /etc; nosuch\r\nbash: nosuch: command not found\r\nroot@c0ffee:/etc# ',
    )
  })

  it('Tab then Ctrl-U leaves no stray character (it left / # eecho after)', async () => {
    const d = daemon()
    const { out, stdin } = await dockerRun(d, ['sh'], { i: true, t: true })
    stdin?.write('e\t')
    stdin?.write('\x15')
    stdin?.write('echo after')
    await settle()
    expect(render(out.text())).toBe('/ # echo after')
    // Two tabs after a word, erases, then Ctrl-U, after a longer prompt: still clean.
    const ld = new LineDiscipline()
    let screen = ld.output('/tmp # ')
    screen += ld.receive('ls\t\tx').echo
    screen += ld.receive('\x7f\x7f\x7f').echo
    screen += ld.receive('\x15ok').echo
    expect(render(screen)).toBe('/tmp # ok')
  })

  it('vi, wget, df, free, ip say they are not modelled (they said a bare not found)', async () => {
    const d = daemon()
    const t = await runDetached(d, 'applets', ['sh', '-c', 'vi; wget x; df; free; ip a; echo $?'])
    expect(t.stderr).toBe(
      ['vi', 'wget', 'df', 'free', 'ip']
        .map((n) => `sh: ${n}: not modelled by this simulated shell\n`)
        .join(''),
    )
    expect(t.stdout).toBe('127\n')
    const direct = await runDetached(d, 'free', ['free', '-m'])
    expect([direct.stderr, direct.state.ExitCode]).toEqual([
      'free: not modelled by this simulated shell\n',
      127,
    ])
    expect((await runDetached(d, 'nf', ['sh', '-c', 'nosuch'])).stderr).toBe(
      'sh: nosuch: not found\n',
    )
  })
})

describe('one command table: the same answer wherever a command runs', () => {
  it('echo -n as the container command prints hi, as in sh -c (it printed -n hi)', async () => {
    const d = daemon()
    expect((await runDetached(d, 'a1', ['echo', '-n', 'hi'])).stdout).toBe('hi')
    expect((await runDetached(d, 'b1', ['sh', '-c', 'echo -n hi'])).stdout).toBe('hi')
  })

  it('wc and tty run as the container command (runc said not found)', async () => {
    const d = daemon()
    const wc = await dockerRun(d, ['wc', '-l'], { i: true })
    wc.stdin?.write('a\nb\n')
    wc.stdin?.end()
    await wc.out.done
    expect(wc.frames()).toEqual([[1, '2\n']])
    const tty = await runDetached(d, 'tty', ['tty'])
    expect([tty.stdout, tty.state.ExitCode]).toEqual(['not a tty\n', 1])
  })

  it("with -t, sh -c 'stty size' reads the pty (it said stty: not found)", async () => {
    // A TTY container's log is raw, not multiplexed; a pty nobody sized is 0×0.
    const t = await runDetached(daemon(), 's1', ['sh', '-c', 'stty size'], 0, { Tty: true })
    expect(t.raw).toBe('0 0\r\n')
  })

  it('test and [ answer with their status (test 1 = 2 exited 0)', async () => {
    const d = daemon()
    const t = await runDetached(d, 't1', [
      'sh',
      '-c',
      'test 1 = 2; echo $?; [ 3 -gt 2 ]; echo $?; [ -d /nope ] || echo nodir; [ 1 = 1; echo $?; test a -gt 1; echo $?',
    ])
    expect(t.stdout).toBe('1\n0\nnodir\n2\n2\n')
    expect(t.stderr).toBe('sh: missing ]\nsh: a: bad number\n')
    expect((await runDetached(d, 't2', ['test', '1', '=', '2'])).state.ExitCode).toBe(1)
  })

  it("an exec of sh -c 'echo a; sleep 1; echo b' prints both (it printed only a)", async () => {
    const d = daemon()
    await startContainer(d, 'web', ['sleep', 'infinity'])
    const ex = await dockerExec(d, 'web', ['sh', '-c', 'echo a; sleep 1; echo b'])
    expect(decoder.decode(ex.out.bytes())).toContain('a\n')
    now += 1000
    await call(d, 'GET', v('/_ping'))
    await ex.out.done
    const frames = demux(ex.out.bytes()).frames.map((f) => decoder.decode(f.payload))
    expect(frames).toEqual(['a\n', 'b\n'])
    expect(await ex.inspect()).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('an exec without -i has its stdin closed: cat ends at once', async () => {
    const d = daemon()
    await startContainer(d, 'web', ['sleep', 'infinity'])
    const ex = await dockerExec(d, 'web', ['sh', '-c', 'cat; echo after'])
    await ex.out.done
    expect(demux(ex.out.bytes()).frames.map((f) => decoder.decode(f.payload))).toEqual(['after\n'])
  })
})

/** What a terminal shows after `text`: one line, with backspaces and tabs (to 8) applied. */
function render(text: string): string {
  const cells: string[] = []
  let col = 0
  for (const ch of text) {
    if (ch === '\b') col = Math.max(0, col - 1)
    else if (ch === '\t') col = (col | 7) + 1
    else if (ch === '\r') col = 0
    else {
      cells[col] = ch
      col++
    }
  }
  return Array.from(cells, (c) => c ?? ' ')
    .join('')
    .trimEnd()
}

/** A ustar archive of one file. */
function tar(name: string, content: string): Uint8Array {
  const enc = new TextEncoder()
  const header = new Uint8Array(512)
  const put = (s: string, at: number) => header.set(enc.encode(s), at)
  put(name, 0)
  put('0000644\0', 100)
  put('0000000\0', 108)
  put('0000000\0', 116)
  put(`${content.length.toString(8).padStart(11, '0')}\0`, 124)
  put('00000000000\0', 136)
  put('        ', 148)
  put('0', 156)
  put('ustar\0', 257)
  put('00', 263)
  const sum = header.reduce((a, b) => a + b, 0)
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  const body = new Uint8Array(Math.ceil(content.length / 512) * 512)
  body.set(enc.encode(content))
  const out = new Uint8Array(512 + body.length + 1024)
  out.set(header)
  out.set(body, 512)
  return out
}
