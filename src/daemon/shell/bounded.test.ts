import { afterEach, describe, expect, it } from 'vitest'
import { demux } from '../wire/stdcopy.ts'
import { DockerSession, settle } from './test-docker.ts'

/**
 * Issue 15, item 5 and the smaller items: deep recursion, 64-bit arithmetic and `yes`, as
 * busybox ash does them (checked against busybox 1.35's ash, whose math.c and parser are those
 * of 1.25 for these cases) — never JavaScript's own error text in a response or a stream.
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
const JS_ERROR = /Maximum call stack|RangeError|Invalid string length|Infinity|e\+\d/
const parens = (n: number) => `echo $((${'('.repeat(n)}1${')'.repeat(n)}))`
const whiles = (n: number) => `${'while false; do '.repeat(n)}echo x${'; done'.repeat(n)}`

describe('deep recursion in the simulated shell', () => {
  it('sh -c with 100,000 nested parentheses: the start succeeds, and runc cannot exec a 200 KB argument (it was a 500 with JavaScript text)', async () => {
    const d = docker()
    const t = await d.detached('deep', ['sh', '-c', parens(100_000)])
    expect(t.started.status).toBe(204)
    expect(t.stderr).toBe(
      'standard_init_linux.go:175: exec user process caused "argument list too long"\n',
    )
    expect(t.state).toMatchObject({ Running: false, ExitCode: 1 })
    const again = await d.call('POST', '/containers/deep/restart')
    expect([again.status, again.text]).toEqual([204, ''])
  })

  it('the same expression through stdin prints 1, as ash does; 200,000 unary minus too', async () => {
    const d = docker()
    const r = await d.run(['sh'], { i: true })
    r.stdin?.write(
      `${parens(100_000)}\necho $((${'- '.repeat(200_000)}1))\necho $((${'-'.repeat(200_001)}1))\n`,
    )
    r.stdin?.end()
    await r.out.done
    expect(
      r
        .frames()
        .map(([, t]) => t)
        .join(''),
    ).toBe('1\n1\n-1\n')
    expect(await r.state()).toMatchObject({ Running: false, ExitCode: 0 })
  })

  it('5,000 nested while loops: a shell error and status 2, not a JavaScript one; 1,000 run', async () => {
    const d = docker()
    const r = await d.run(['sh'], { i: true })
    r.stdin?.write(`${whiles(1000)}; echo ran\n${whiles(5000)}\necho never\n`)
    r.stdin?.end()
    await r.out.done
    expect(r.frames()).toEqual([
      [1, 'ran\n'],
      [
        2,
        'sh: compound commands nested deeper than 1000 levels are not supported by this simulated shell\n',
      ],
    ])
    expect(await r.state()).toMatchObject({ Running: false, ExitCode: 2 })
  })

  it('$? is 0 in a fresh shell, as in ash (it was empty)', async () => {
    const d = docker()
    const t = await d.detached('status', ['sh', '-c', 'echo status=$?; false; echo status=$?'])
    expect(t.stdout).toBe('status=0\nstatus=1\n')
  })

  it('a pipeline of 5,000 commands: a shell error and status 2 (it ended the shell with no message, status 139); 1,000 run', async () => {
    const d = docker()
    const r = await d.run(['sh'], { i: true })
    const pipe = (n: number) => `echo a${' | cat'.repeat(n - 1)}`
    r.stdin?.write(`${pipe(1000)}\n${pipe(5000)}\necho never\n`)
    r.stdin?.end()
    await r.out.done
    expect(r.frames()).toEqual([
      [1, 'a\n'],
      [2, 'sh: pipelines of more than 1000 commands are not supported by this simulated shell\n'],
    ])
    expect(await r.state()).toMatchObject({ Running: false, ExitCode: 2 })
  })

  it('an exec with a script too long for execve fails like runc, and its state is consistent (it streamed JavaScript text, ExitCode null)', async () => {
    const d = docker()
    await d.start('web', ['sleep', 'infinity'])
    const ex = await d.exec('web', ['sh', '-c', parens(100_000)])
    await ex.out.done
    const text = demux(ex.out.bytes())
      .frames.map((f) => decoder.decode(f.payload))
      .join('')
    expect(text).toBe(
      'rpc error: code = 2 desc = "oci runtime error: exec failed: argument list too long"\r\n',
    )
    expect(await ex.inspect()).toMatchObject({ Running: false, ExitCode: 126 })
    const deep = await d.exec('web', ['sh'], { i: true })
    deep.stdin?.write(`${whiles(5000)}\n`)
    deep.stdin?.end()
    await deep.out.done
    expect(decoder.decode(ex.out.bytes())).not.toMatch(JS_ERROR)
    expect(await deep.inspect()).toMatchObject({ Running: false, ExitCode: 2 })
  })

  it('a TTY shell prints 1 for 1,000 nested parentheses and keeps its prompt (it ended silently, status 2)', async () => {
    const d = docker()
    const { out, stdin, state } = await d.run(['sh'], { i: true, t: true })
    stdin?.write(`${parens(1000)}\r`)
    await settle()
    expect(out.text().endsWith('\r\n1\r\n/ # ')).toBe(true)
    expect(await state()).toMatchObject({ Running: true })
  })
})

describe('arithmetic as ash: 64-bit integers that wrap', () => {
  it('big literals count as 0, products and powers wrap (it printed 1e+52 and Infinity)', async () => {
    const t = await docker().detached('math', [
      'sh',
      '-c',
      'echo $((99999999999999999999999999999999*99999999999999999999)) $((2**1000000000)) $((2**63)) $((9223372036854775807+1)) $((-2**2)) $((7/-2)) $((1<<65))',
    ])
    expect(t.stdout).toBe('0 0 -9223372036854775808 -9223372036854775808 4 -3 2\n')
    expect(t.stdout).not.toMatch(JS_ERROR)
  })

  it('a bad expression ends sh -c with status 2, as ash does', async () => {
    const t = await docker().detached('bad', ['sh', '-c', 'echo $((1/0)); echo never'])
    expect([t.stderr, t.stdout, t.state.ExitCode]).toEqual(['sh: divide by zero\n', '', 2])
  })
})

describe('yes', () => {
  it('prints continuously, one 4 KiB buffer per 100 ms slice of the clock (it printed one line and blocked)', async () => {
    const d = docker()
    const first = await d.detached('yes', ['yes'])
    expect(first.stdout).toBe('y\n'.repeat(2048))
    d.now += 1000
    const logs = await d.call('GET', '/containers/yes/logs?stdout=1')
    const text = demux(logs.bytes)
      .frames.map((f) => decoder.decode(f.payload))
      .join('')
    expect(text).toBe('y\n'.repeat(2048 * 11))
    expect(JSON.parse((await d.call('GET', '/containers/yes/json')).text).State.Running).toBe(true)
  })

  it('yes | head -n 3 ends: head stops reading, yes dies of SIGPIPE', async () => {
    const t = await docker().detached('yh', ['sh', '-c', 'yes hi | head -n 3; echo $?'])
    expect([t.stdout, t.state.ExitCode]).toEqual(['hi\nhi\nhi\n0\n', 0])
  })
})
