import { describe, expect, it } from 'vitest'
import { plan } from './process.ts'

const p = (argv: string[], extra: { tty?: boolean; openStdin?: boolean } = {}) =>
  plan({ argv, tty: extra.tty ?? false, openStdin: extra.openStdin ?? false })

describe('simulated processes', () => {
  it('echo prints and exits 0', () => {
    expect(p(['echo', 'hi'])).toMatchObject({ kind: 'exits', exitCode: 0, stdout: 'hi\n' })
  })

  it('sh -c "exit 3" exits 3; false exits 1', () => {
    expect(p(['sh', '-c', 'exit 3'])).toMatchObject({ kind: 'exits', exitCode: 3 })
    expect(p(['false'])).toMatchObject({ kind: 'exits', exitCode: 1 })
    expect(p(['sh', '-c', 'echo a; echo b && false || echo c'])).toMatchObject({
      stdout: 'a\nb\nc\n',
      exitCode: 0,
    })
  })

  it('starts in Config.WorkingDir, and cd works in sh -c', () => {
    const base = { tty: false, openStdin: false }
    expect(plan({ ...base, argv: ['pwd'], workingDir: '/tmp' })).toMatchObject({ stdout: '/tmp\n' })
    expect(plan({ ...base, argv: ['pwd'] })).toMatchObject({ stdout: '/\n' })
    expect(plan({ ...base, argv: ['sh', '-c', 'pwd'], workingDir: '/srv' })).toMatchObject({
      stdout: '/srv\n',
    })
    const fs = { read: () => null, list: (path: string) => (path === '/etc' ? ['passwd'] : null) }
    expect(plan({ ...base, fs, argv: ['sh', '-c', 'cd /etc; pwd; cd ..; pwd'] })).toMatchObject({
      stdout: '/etc\n/\n',
      exitCode: 0,
    })
  })

  it('uname names the host and the kernel release /version reports', () => {
    const run = (args: string[]) =>
      plan({ argv: ['uname', ...args], tty: false, openStdin: false, hostname: 'web1' })
    expect(run([])).toMatchObject({ stdout: 'Linux\n' })
    expect(run(['-n'])).toMatchObject({ stdout: 'web1\n' })
    expect(run(['-r'])).toMatchObject({ stdout: '4.4.0-57-generic\n' })
    expect(run(['-a'])).toMatchObject({ stdout: 'Linux web1 4.4.0-57-generic x86_64 GNU/Linux\n' })
  })

  it('export sets a variable, and head -N takes its count from the dash form', () => {
    expect(p(['sh', '-c', 'export A=1 B; echo $A'])).toMatchObject({ stdout: '1\n', exitCode: 0 })
    const env = ['X=1', 'Y=2', 'Z=3']
    expect(
      plan({ argv: ['sh', '-c', 'env | head -2'], tty: false, openStdin: false, env }),
    ).toMatchObject({ stdout: 'X=1\nY=2\n', stderr: '', exitCode: 0 })
  })

  it('ps lists the container command as PID 1, then the shell and ps itself', () => {
    const rows = (result: ReturnType<typeof plan>) =>
      (result.kind === 'fails' ? '' : result.stdout)
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/))
        .map((cols) => [cols[0], cols.slice(3).join(' ')])
    expect(rows(p(['ps']))).toEqual([['1', 'ps']])
    expect(rows(p(['sh', '-c', 'ps']))).toEqual([
      ['1', 'sh -c ps'],
      ['7', 'ps'],
    ])
    const inExec = plan({
      argv: ['ps', 'aux'],
      tty: false,
      openStdin: false,
      containerCommand: ['top'],
    })
    expect(rows(inExec)).toEqual([
      ['1', 'top'],
      ['7', 'ps aux'],
    ])
  })

  it('long-running commands keep running', () => {
    expect(p(['top'])).toMatchObject({ kind: 'runs', runForMs: null })
    expect(p(['nginx', '-g', 'daemon off;'])).toMatchObject({ kind: 'runs', termExitCode: 0 })
    expect(p(['sleep', 'infinity'])).toMatchObject({ kind: 'runs', runForMs: null })
    expect(p(['sleep', '5'])).toMatchObject({ kind: 'runs', runForMs: 5000 })
    expect(p(['sh', '-c', 'while true; do sleep 1; done'])).toMatchObject({
      kind: 'runs',
      ignoresSigterm: true,
    })
  })

  it('shells and cat live as long as stdin is open or a TTY is attached', () => {
    expect(p(['sh'])).toMatchObject({ kind: 'exits', exitCode: 0 })
    expect(p(['sh'], { tty: true, openStdin: true })).toMatchObject({
      kind: 'runs',
      ignoresSigterm: true,
    })
    expect(p(['cat'], { openStdin: true })).toMatchObject({ kind: 'runs' })
  })

  it('an unknown binary cannot start: runc error, exit code 127', () => {
    const r = p(['foo'])
    expect(r.kind).toBe('fails')
    if (r.kind === 'fails') {
      expect(r.exitCode).toBe(127)
      expect(r.message).toContain('exec: \\\\\\"foo\\\\\\": executable file not found in $PATH')
    }
    const abs = p(['/nope'])
    expect(
      abs.kind === 'fails' && abs.message.includes('stat /nope: no such file or directory'),
    ).toBe(true)
  })

  it('sh -c: a script that sleeps hands its rest to the engine; pipes; what it cannot parse is an error', () => {
    const timed = p(['sh', '-c', 'echo a; sleep 1; echo b'])
    // stdout before the first sleep, and that sleep as runForMs (what exec, which cannot resume
    // a script, goes by); the engine resumes `shell` on its clock.
    expect(timed).toMatchObject({
      kind: 'runs',
      stdout: 'a\n',
      runForMs: 1000,
      ignoresSigterm: true,
    })
    expect(timed.kind === 'runs' && timed.shell !== undefined).toBe(true)
    // A loop runs until stopped for a caller that cannot resume it (exec), as before.
    const loop = p(['sh', '-c', 'while true; do echo hi; sleep 1; done'])
    expect(loop).toMatchObject({ kind: 'runs', stdout: 'hi\n', runForMs: null })
    expect(loop.kind === 'runs' && loop.shell?.pending).toEqual({ kind: 'sleep', ms: 1000 })
    expect(p(['sh', '-c', 'echo err >&2; echo out'])).toMatchObject({
      kind: 'exits',
      stdout: 'out\n',
      stderr: 'err\n',
      output: [
        { stream: 2, text: 'err\n' },
        { stream: 1, text: 'out\n' },
      ],
    })
    // A pipe hands the first stage's output to the next one as its stdin.
    expect(p(['sh', '-c', 'echo a | cat'])).toMatchObject({
      kind: 'exits',
      exitCode: 0,
      stdout: 'a\n',
    })
    expect(p(['sh', '-c', 'printf "b\\na\\n" | sort | head -n 1'])).toMatchObject({ stdout: 'a\n' })
    // What the parser does not support is said plainly, exit 2 (not run wrongly).
    expect(p(['sh', '-c', 'echo $(date)'])).toMatchObject({
      kind: 'exits',
      exitCode: 2,
      stderr: 'sh: command substitution is not supported by this simulated shell\n',
    })
  })
})
