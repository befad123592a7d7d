import { describe, expect, it } from 'vitest'
import { plan } from './process.ts'
import { run, startProcess } from './terminal/test-process.ts'

const sh = (
  script: string,
  extra: Parameters<typeof run>[0] extends infer T ? Partial<T> : never = {},
) => run({ argv: ['sh', '-c', script], ...extra })

describe('simulated processes', () => {
  it('echo prints and exits 0, the same as the container command and inside sh', () => {
    const direct = run({ argv: ['echo', '-n', 'hi'] })
    expect([direct.stdout(), direct.exitCode]).toEqual(['hi', 0])
    const inSh = sh('echo -n hi')
    expect([inSh.stdout(), inSh.exitCode]).toEqual(['hi', 0])
  })

  it('sh -c "exit 3" exits 3; false exits 1', () => {
    expect(sh('exit 3').exitCode).toBe(3)
    expect(run({ argv: ['false'] }).exitCode).toBe(1)
    const t = sh('echo a; echo b && false || echo c')
    expect([t.stdout(), t.exitCode]).toEqual(['a\nb\nc\n', 0])
  })

  it('starts in Config.WorkingDir, and cd works in sh -c', () => {
    expect(run({ argv: ['pwd'], workingDir: '/tmp' }).stdout()).toBe('/tmp\n')
    expect(run({ argv: ['pwd'] }).stdout()).toBe('/\n')
    expect(sh('pwd', { workingDir: '/srv' }).stdout()).toBe('/srv\n')
    const files = {
      read: () => null,
      list: (path: string) => (path === '/etc' ? ['passwd'] : path === '/' ? ['etc'] : null),
      stat: (path: string) => (path === '/' || path === '/etc' ? { dir: true, size: 4096 } : null),
    }
    const t = sh('cd /etc; pwd; cd ..; pwd', { files })
    expect([t.stdout(), t.exitCode]).toEqual(['/etc\n/\n', 0])
  })

  it('uname names the host and the kernel release /version reports', () => {
    const u = (args: string[]) => run({ argv: ['uname', ...args], hostname: 'web1' }).stdout()
    expect(u([])).toBe('Linux\n')
    expect(u(['-n'])).toBe('web1\n')
    expect(u(['-r'])).toBe('4.4.0-57-generic\n')
    expect(u(['-a'])).toBe('Linux web1 4.4.0-57-generic x86_64 GNU/Linux\n')
  })

  it('export sets a variable, and head -N takes its count from the dash form', () => {
    expect(sh('export A=1 B; echo $A').stdout()).toBe('1\n')
    const t = sh('env | head -3', { env: ['X=1', 'Y=2', 'Z=3'], hostname: 'h' })
    expect([t.stdout(), t.stderr(), t.exitCode]).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=h\nX=1\n',
      '',
      0,
    ])
    expect(sh('env | tail -1', { env: ['X=1'] }).stdout()).toBe('HOME=/root\n')
  })

  it('ps lists the container command as PID 1, then the shell and ps itself', () => {
    const rows = (out: string) =>
      out
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/))
        .map((cols) => [cols[0], cols.slice(3).join(' ')])
    expect(rows(run({ argv: ['ps'] }).stdout())).toEqual([['1', 'ps']])
    expect(rows(sh('ps').stdout())).toEqual([
      ['1', 'sh -c ps'],
      ['7', 'ps'],
    ])
    expect(rows(run({ argv: ['ps', 'aux'], containerCommand: ['top'] }).stdout())).toEqual([
      ['1', 'top'],
      ['7', 'ps aux'],
    ])
  })

  it('long-running commands keep running; how each takes SIGTERM as PID 1', () => {
    const top = run({ argv: ['top'] })
    top.advance(60_000)
    expect(top.exitCode).toBeNull()
    const nginx = run({ argv: ['nginx', '-g', 'daemon off;'] })
    expect([nginx.exitCode, nginx.termExitCode]).toEqual([null, 0])
    const inf = run({ argv: ['sleep', 'infinity'] })
    inf.advance(1e9)
    expect([inf.exitCode, inf.ignoresSigterm, inf.runForMs]).toEqual([null, true, null])
    const five = run({ argv: ['sleep', '5'] })
    expect(five.runForMs).toBe(5000)
    five.advance(4999)
    expect(five.exitCode).toBeNull()
    five.advance(1)
    expect(five.exitCode).toBe(0)
    expect(sh('while true; do sleep 1; done').ignoresSigterm).toBe(true)
  })

  it('shells and cat live as long as stdin is open or a TTY is attached', () => {
    expect(run({ argv: ['sh'] }).exitCode).toBe(0)
    const tty = run({ argv: ['sh'], tty: true, openStdin: true })
    expect([tty.exitCode, tty.ignoresSigterm]).toEqual([null, true])
    expect(run({ argv: ['cat'], openStdin: true }).exitCode).toBeNull()
    expect(run({ argv: ['cat'] }).exitCode).toBe(0)
  })

  it('an unknown binary cannot start: runc error, exit code 127', () => {
    const r = plan({ argv: ['foo'], tty: false, openStdin: false })
    expect(r.kind).toBe('fails')
    if (r.kind === 'fails') {
      expect(r.exitCode).toBe(127)
      expect(r.message).toContain('exec: \\\\\\"foo\\\\\\": executable file not found in $PATH')
    }
    const abs = startProcess({ argv: ['/nope'] })
    expect('kind' in abs && abs.message.includes('stat /nope: no such file or directory')).toBe(
      true,
    )
  })

  it('sh -c: a script that sleeps goes on on the clock; pipes; what it cannot parse is an error', () => {
    const timed = sh('echo a; sleep 1; echo b')
    expect([timed.stdout(), timed.exitCode, timed.ignoresSigterm]).toEqual(['a\n', null, true])
    timed.advance(1000)
    expect([timed.stdout(), timed.exitCode]).toEqual(['a\nb\n', 0])
    const mixed = sh('echo err >&2; echo out')
    expect(mixed.both()).toBe('2:err\n1:out\n')
    expect(sh('echo a | cat').stdout()).toBe('a\n')
    expect(sh('printf "b\\na\\n" | sort | head -n 1').stdout()).toBe('a\n')
    const sub = sh('echo $(date)')
    expect([sub.exitCode, sub.stderr()]).toEqual([
      2,
      'sh: command substitution is not supported by this simulated shell\n',
    ])
  })
})
