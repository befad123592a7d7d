import { describe, expect, it } from 'vitest'
import { parse } from './parse.ts'
import type { External } from './program.ts'
import { type Pending, runScript, ShellProcess } from './run.ts'

const external: External = (name, args) => {
  if (name === 'hostname') return { kind: 'exits', exitCode: 0, stdout: 'box\n', stderr: '' }
  if (name === 'cat') return { kind: 'runs', runForMs: null, stdout: '', stderr: '' }
  if (name === 'ls')
    return { kind: 'exits', exitCode: 1, stdout: '', stderr: `ls: ${args[0]}: x\n` }
  return { kind: 'notfound' }
}

function start(src: string, vars: Record<string, string> = {}) {
  return new ShellProcess(runScript(parse(src), { vars: new Map(Object.entries(vars)), external }))
}

/** Runs the script through `n` advances: what each wrote, and where each stopped. */
function steps(p: ShellProcess, n: number): Array<[string, Pending]> {
  const out: Array<[string, Pending]> = []
  for (let i = 0; i < n; i++) {
    const { output, next } = p.advance()
    out.push([output.map((o) => `${o.stream}:${o.text}`).join(''), next])
    if (next.kind !== 'sleep') break
  }
  return out
}

describe('sh -c runner', () => {
  it('runs echo; sleep; echo as two timed steps', () => {
    expect(steps(start('echo a; sleep 1; echo b'), 5)).toEqual([
      ['1:a\n', { kind: 'sleep', ms: 1000 }],
      ['1:b\n', { kind: 'exit', code: 0 }],
    ])
  })

  it('applies && and || to exit statuses, across a sleep', () => {
    expect(steps(start('sleep 1 && echo after'), 5)).toEqual([
      ['', { kind: 'sleep', ms: 1000 }],
      ['1:after\n', { kind: 'exit', code: 0 }],
    ])
    expect(steps(start('false && echo no || echo yes; true || echo no'), 5)).toEqual([
      ['1:yes\n', { kind: 'exit', code: 0 }],
    ])
  })

  it('echo -n, >&2, $VAR, braced $VAR and unset variables', () => {
    expect(
      steps(
        start(`echo -n a; echo err >&2; echo "$HOSTNAME-\${X}" '$X' $NOPE.`, {
          HOSTNAME: 'h1',
          X: 'y',
        }),
        1,
      ),
    ).toEqual([['1:a2:err\n1:h1-y $X .\n', { kind: 'exit', code: 0 }]])
  })

  it('exit N stops the script, also from inside a loop', () => {
    expect(steps(start('echo a; exit 3; echo b'), 2)).toEqual([
      ['1:a\n', { kind: 'exit', code: 3 }],
    ])
    expect(steps(start('while true; do exit 4; done'), 2)).toEqual([
      ['', { kind: 'exit', code: 4 }],
    ])
    expect(steps(start('exit 257'), 1)).toEqual([['', { kind: 'exit', code: 1 }]])
  })

  it('unknown commands fail with 127 and the script goes on', () => {
    expect(steps(start('nosuch x; echo $?; ls /nope || echo failed'), 1)).toEqual([
      ['2:sh: nosuch: not found\n1:127\n2:ls: /nope: x\n1:failed\n', { kind: 'exit', code: 0 }],
    ])
    expect(steps(start('nosuch'), 1)).toEqual([
      ['2:sh: nosuch: not found\n', { kind: 'exit', code: 127 }],
    ])
  })

  it('for loops bind the variable; the script status is the last command', () => {
    expect(steps(start('for i in a b c; do echo $i; sleep 1; done; false'), 10)).toEqual([
      ['1:a\n', { kind: 'sleep', ms: 1000 }],
      ['1:b\n', { kind: 'sleep', ms: 1000 }],
      ['1:c\n', { kind: 'sleep', ms: 1000 }],
      ['', { kind: 'exit', code: 1 }],
    ])
  })

  it('while true with a sleep yields once per iteration, forever', () => {
    const p = start('while true; do echo hello; sleep 1; done')
    const s = steps(p, 100)
    expect(s).toHaveLength(100)
    expect(
      s.every(([out, next]) => out === '1:hello\n' && next.kind === 'sleep' && next.ms === 1000),
    ).toBe(true)
  })

  it('a loop without sleep yields bounded time slices instead of spinning', () => {
    const p = start('while true; do echo x; done')
    for (let i = 0; i < 50; i++) {
      const { output, next } = p.advance()
      expect(next).toEqual({ kind: 'sleep', ms: 100 })
      expect(output.map((o) => o.text).join('')).toBe('x\n'.repeat(10))
    }
    const quiet = start('while :; do true; done')
    expect(quiet.advance()).toEqual({ output: [], next: { kind: 'sleep', ms: 100 } })
    expect(steps(start('until false; do :; done'), 3).map(([, n]) => n.kind)).toEqual([
      'sleep',
      'sleep',
      'sleep',
    ])
  })

  it('blocking commands (cat without input, sleep infinity) block for good', () => {
    expect(steps(start('echo a; cat; echo never'), 3)).toEqual([['1:a\n', { kind: 'forever' }]])
    expect(steps(start('sleep infinity'), 3)).toEqual([['', { kind: 'forever' }]])
  })

  it('sleep with a bad argument fails like busybox and goes on', () => {
    expect(steps(start('sleep x || echo bad; sleep 0.5'), 3)).toEqual([
      ["2:sleep: invalid number 'x'\n1:bad\n", { kind: 'sleep', ms: 500 }],
      ['', { kind: 'exit', code: 0 }],
    ])
  })

  it('external commands: output, and >&2 moves their stdout', () => {
    expect(steps(start('hostname; hostname >&2'), 1)).toEqual([
      ['1:box\n2:box\n', { kind: 'exit', code: 0 }],
    ])
  })
})
