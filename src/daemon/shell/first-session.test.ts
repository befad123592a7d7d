import { afterEach, describe, expect, it } from 'vitest'
import { LineDiscipline } from '../terminal/line-discipline.ts'
import { demux } from '../wire/stdcopy.ts'
import { DockerSession, settle } from './test-docker.ts'

/**
 * A student's first session, as the review of issue 14 found it: each case the wrong answer or
 * the hang it gave, now the right answer (busybox 1.25.1's) or an honest "not modelled".
 */

let sessions: DockerSession[] = []
afterEach(() => {
  for (const s of sessions) s.daemon.dispose()
  sessions = []
})

function docker(): DockerSession {
  const s = new DockerSession()
  sessions.push(s)
  return s
}

const decoder = new TextDecoder()

describe("a student's first session", () => {
  it('ping -c1 127.0.0.1 replies once, prints the statistics and exits 0 (it ran forever)', async () => {
    const d = docker()
    const t = await d.detached('p1', ['ping', '-c1', '127.0.0.1'])
    expect(t.stdout).toBe(
      'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n' +
        '64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.045 ms\n\n' +
        '--- 127.0.0.1 ping statistics ---\n' +
        '1 packets transmitted, 1 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = 0.045/0.045/0.045 ms\n',
    )
    expect(t.state).toMatchObject({ Running: false, ExitCode: 0 })
    const three = await d.detached('p3', ['ping', '-c', '3', 'localhost'], 2000)
    expect([three.stdout.match(/seq=/g)?.length, three.state.ExitCode]).toEqual([3, 0])
  })

  it('echo hello | docker run -i busybox sh -c cat prints hello and exits 0 (it hung)', async () => {
    const d = docker()
    const r = await d.run(['sh', '-c', 'cat'], { i: true })
    r.stdin?.write('hello\n')
    r.stdin?.end()
    await r.out.done
    expect(r.frames()).toEqual([[1, 'hello\n']])
    expect(await r.state()).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it("sh -c 'cat; echo done' reads to end of file, then goes on (it hung)", async () => {
    const d = docker()
    const r = await d.run(['sh', '-c', 'cat; echo done'], { i: true })
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
    const d = docker()
    const r = await d.run(['sh', '-c', 'read x; echo "got $x"; read y || echo eof'], {
      i: true,
    })
    r.stdin?.write('one two\n')
    r.stdin?.end()
    await r.out.done
    expect(
      r
        .frames()
        .map(([, t]) => t)
        .join(''),
    ).toBe('got one two\neof\n')
    // Without -i stdin is empty: read fails at once, and is no "not found".
    const closed = await d.detached('closed', ['sh', '-c', 'read x; echo $?'])
    expect(closed.frames).toEqual([[1, '1\n']])
  })

  it('head -n1 takes -n1 as the count (it took it for a file)', async () => {
    const t = await docker().detached('h1', [
      'sh',
      '-c',
      'printf "a\\nb\\nc\\n" | head -n1; printf "a\\nb\\n" | head -1',
    ])
    expect([t.stdout, t.stderr, t.state.ExitCode]).toEqual(['a\na\n', '', 0])
  })

  it('cd /tmp; ls -l lists /tmp in long format (it listed /, one name a line)', async () => {
    const d = docker()
    const { stdin, out } = await d.run(['sh'], { i: true, t: true })
    const put = await d.handle({
      method: 'PUT',
      path: '/containers/box/archive',
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
    const d = docker()
    await d.start('web', ['nginx', '-g', 'daemon off;'])
    const ps = await d.exec('web', ['ps'])
    await ps.out.done
    expect(decoder.decode(ps.out.bytes())).toContain('    1 root       0:00 nginx -g daemon off;')
    const top = await d.exec('web', ['top'], { i: true, t: true })
    const screen = top.out.text()
    expect(screen).toMatch(/\n {4}1 {5}0 root {5}S .* nginx -g daemon off;/)
    expect(screen).toMatch(/\n {4}7 {5}1 root {5}R .* top/)
    expect(screen).not.toMatch(/% sh\b/)
  })

  it('date follows the daemon clock (it printed a fixed 2017 date)', async () => {
    const d = docker()
    d.now = Date.parse('2026-12-07T20:13:25Z')
    expect((await d.detached('clock', ['date'])).stdout).toBe('Mon Dec  7 20:13:25 UTC 2026\n')
    d.now = 86_400_000
    expect((await d.detached('epoch', ['date', '+%s'])).stdout).toBe('86400\n')
  })

  it("docker run -it ubuntu bash prompts root@HOSTNAME:/# (it gave busybox's / #)", async () => {
    const d = docker()
    const pull = await d.call('POST', '/images/create?fromImage=ubuntu&tag=16.04')
    expect(pull.status).toBe(200)
    const { out, stdin } = await d.run(['bash'], {
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
    const d = docker()
    const { out, stdin } = await d.run(['sh'], { i: true, t: true })
    stdin?.write('e\t')
    stdin?.write('\x15')
    stdin?.write('echo after')
    await settle()
    expect(render(out.text())).toBe('/ # echo after')
    // Two tabs after a word, erases, then Ctrl-U, after a longer prompt: still clean.
    const ld = new LineDiscipline()
    // After `clear` (ESC [ H ESC [ J) the prompt starts at column 0 again.
    let screen = ld.output('\x1b[H\x1b[J/tmp # ')
    screen += ld.receive('ls\t\tx').echo
    screen += ld.receive('\x7f\x7f\x7f').echo
    screen += ld.receive('\x15ok').echo
    expect(render(screen.replace('\x1b[H\x1b[J', ''))).toBe('/tmp # ok')
  })

  it('vi, wget, df, free, ip say they are not modelled (they said a bare not found)', async () => {
    const d = docker()
    const t = await d.detached('applets', ['sh', '-c', 'vi; wget x; df; free; ip a; echo $?'])
    expect(t.stderr).toBe(
      ['vi', 'wget', 'df', 'free', 'ip']
        .map((n) => `sh: ${n}: not modelled by this simulated shell\n`)
        .join(''),
    )
    expect(t.stdout).toBe('127\n')
    const direct = await d.detached('free', ['free', '-m'])
    expect([direct.stderr, direct.state.ExitCode]).toEqual([
      'free: not modelled by this simulated shell\n',
      127,
    ])
    expect((await d.detached('nf', ['sh', '-c', 'nosuch'])).stderr).toBe('sh: nosuch: not found\n')
  })
})

describe('one command table: the same answer wherever a command runs', () => {
  it('echo -n as the container command prints hi, as in sh -c (it printed -n hi)', async () => {
    const d = docker()
    expect((await d.detached('a1', ['echo', '-n', 'hi'])).stdout).toBe('hi')
    expect((await d.detached('b1', ['sh', '-c', 'echo -n hi'])).stdout).toBe('hi')
  })

  it('wc and tty run as the container command (runc said not found)', async () => {
    const d = docker()
    const wc = await d.run(['wc', '-l'], { i: true })
    wc.stdin?.write('a\nb\n')
    wc.stdin?.end()
    await wc.out.done
    expect(wc.frames()).toEqual([[1, '2\n']])
    const tty = await d.detached('tty', ['tty'])
    expect([tty.stdout, tty.state.ExitCode]).toEqual(['not a tty\n', 1])
  })

  it("with -t, sh -c 'stty size' reads the pty (it said stty: not found)", async () => {
    // A TTY container's log is raw, not multiplexed; a pty nobody sized is 0×0.
    const t = await docker().detached('s1', ['sh', '-c', 'stty size'], 0, { Tty: true })
    expect(t.raw).toBe('0 0\r\n')
  })

  it('test and [ answer with their status (test 1 = 2 exited 0)', async () => {
    const d = docker()
    const t = await d.detached('t1', [
      'sh',
      '-c',
      'test 1 = 2; echo $?; [ 3 -gt 2 ]; echo $?; [ -d /nope ] || echo nodir; [ 1 = 1; echo $?; test a -gt 1; echo $?',
    ])
    expect(t.stdout).toBe('1\n0\nnodir\n2\n2\n')
    expect(t.stderr).toBe('sh: missing ]\nsh: a: bad number\n')
    expect((await d.detached('t2', ['test', '1', '=', '2'])).state.ExitCode).toBe(1)
  })

  it("an exec of sh -c 'echo a; sleep 1; echo b' prints both (it printed only a)", async () => {
    const d = docker()
    await d.start('web', ['sleep', 'infinity'])
    const ex = await d.exec('web', ['sh', '-c', 'echo a; sleep 1; echo b'])
    expect(decoder.decode(ex.out.bytes())).toContain('a\n')
    d.now += 1000
    await d.call('GET', '/_ping')
    await ex.out.done
    const frames = demux(ex.out.bytes()).frames.map((f) => decoder.decode(f.payload))
    expect(frames).toEqual(['a\n', 'b\n'])
    expect(await ex.inspect()).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('an exec without -i has its stdin closed: cat ends at once', async () => {
    const d = docker()
    await d.start('web', ['sleep', 'infinity'])
    const ex = await d.exec('web', ['sh', '-c', 'cat; echo after'])
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

describe('which images have bash', () => {
  it('docker run -it alpine bash fails as runc said (busybox and alpine have ash only)', async () => {
    const d = docker()
    await d.call('POST', '/containers/create?name=alp', { Image: 'alpine', Cmd: ['bash'] })
    const start = await d.call('POST', '/containers/alp/start')
    expect(start.status).toBe(404)
    expect(JSON.parse(start.text).message).toContain(
      'bash\\\\\\": executable file not found in $PATH',
    )
    const inSh = await d.detached('ash', ['sh', '-c', 'bash -c true'])
    expect([inSh.stderr, inSh.state.ExitCode]).toEqual(['sh: bash: not found\n', 127])
  })
})
