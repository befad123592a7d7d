import { describe, expect, it } from 'vitest'
import { run } from '../terminal/test-process.ts'

const T0 = Date.parse('2017-01-14T12:00:00Z')

/** A `sh -c` script run by the process driver on a clock of its own. */
const sh = (script: string, env: string[] = []) =>
  run({ argv: ['sh', '-c', script], env, hostname: 'box' })

/** Chunks as [ms since start, `stream:text`]. */
const timeline = (t: ReturnType<typeof sh>) =>
  t.chunks.map((c) => [c.at - T0, `${c.stream}:${c.text}`])

describe('sh -c runner', () => {
  it('runs echo; sleep; echo as two timed steps', () => {
    const t = sh('echo a; sleep 1; echo b')
    t.advance(5000)
    expect(timeline(t)).toEqual([
      [0, '1:a\n'],
      [1000, '1:b\n'],
    ])
    expect(t.exitCode).toBe(0)
  })

  it('applies && and || to exit statuses, across a sleep', () => {
    const t = sh('sleep 1 && echo after')
    expect(t.chunks).toEqual([])
    t.advance(1000)
    expect([timeline(t), t.exitCode]).toEqual([[[1000, '1:after\n']], 0])
    expect(sh('false && echo no || echo yes; true || echo no').both()).toBe('1:yes\n')
  })

  it('echo -n, >&2, $VAR, braced $VAR and unset variables', () => {
    const t = sh(`echo -n a; echo err >&2; echo "$HOSTNAME-\${X}" '$X' $NOPE.`, ['X=y'])
    expect(t.both()).toBe('1:a2:err\n1:box-y $X .\n')
  })

  it('exit N stops the script, also from inside a loop; exit alone keeps the last status', () => {
    const t = sh('echo a; exit 3; echo b')
    expect([t.both(), t.exitCode]).toEqual(['1:a\n', 3])
    expect(sh('while true; do exit 4; done').exitCode).toBe(4)
    expect(sh('exit 257').exitCode).toBe(1)
    expect(sh('false; exit').exitCode).toBe(1)
    const bad = sh('exit x; echo no')
    expect([bad.both(), bad.exitCode]).toEqual(['2:sh: exit: Illegal number: x\n', 2])
  })

  it('unknown commands fail with 127 and the script goes on', () => {
    const t = sh('nosuch x; echo $?; ls /nope || echo failed')
    expect(t.both()).toBe(
      '2:sh: nosuch: not found\n1:127\n2:ls: /nope: No such file or directory\n1:failed\n',
    )
    expect(t.exitCode).toBe(0)
    expect(sh('nosuch').exitCode).toBe(127)
  })

  it('for loops bind the variable; the script status is the last command', () => {
    const t = sh('for i in a b c; do echo $i; sleep 1; done; false')
    t.advance(10_000)
    expect(timeline(t)).toEqual([
      [0, '1:a\n'],
      [1000, '1:b\n'],
      [2000, '1:c\n'],
    ])
    expect(t.exitCode).toBe(1)
  })

  it('while true with a sleep writes once per second, forever', () => {
    const t = sh('while true; do echo hello; sleep 1; done')
    t.advance(99_500)
    expect(t.chunks).toHaveLength(100)
    expect(t.chunks.every((c, i) => c.text === 'hello\n' && c.at - T0 === i * 1000)).toBe(true)
    expect(t.exitCode).toBeNull()
  })

  it('a loop without sleep writes in bounded time slices instead of spinning', () => {
    const t = sh('while true; do echo x; done')
    t.advance(4950)
    expect(t.chunks).toHaveLength(50)
    expect(t.chunks.every((c, i) => c.text === 'x\n'.repeat(10) && c.at - T0 === i * 100)).toBe(
      true,
    )
    const quiet = sh('while :; do true; done')
    quiet.advance(1000)
    expect([quiet.chunks, quiet.exitCode]).toEqual([[], null])
    const until = sh('until false; do :; done')
    until.advance(1000)
    expect(until.exitCode).toBeNull()
  })

  it('without -i stdin is at end of file: cat and read end at once; sleep infinity blocks', () => {
    const t = sh('echo a; cat; echo after; read x; echo $?')
    expect([t.stdout(), t.exitCode]).toEqual(['a\nafter\n1\n', 0])
    const inf = sh('sleep infinity; echo never')
    inf.advance(1e9)
    expect([inf.chunks, inf.exitCode]).toEqual([[], null])
  })

  it('sleep with a bad argument fails like busybox and goes on', () => {
    const t = sh('sleep x || echo bad; sleep 0.5')
    expect(t.both()).toBe("2:sleep: invalid number 'x'\n1:bad\n")
    t.advance(500)
    expect(t.exitCode).toBe(0)
  })

  it('commands of the table: output, and >&2 moves their stdout', () => {
    expect(sh('hostname; hostname >&2').both()).toBe('1:box\n2:box\n')
  })
})

describe('positional parameters', () => {
  it('sh -c SCRIPT NAME ARG…: $0 is NAME (sh without one), $1… the rest, $# their count', () => {
    const script = 'echo $0 $# [$1] $' + '{2}'
    expect(run({ argv: ['sh', '-c', script, 'me', 'a', 'b'] }).stdout()).toBe('me 2 [a] b\n')
    expect(run({ argv: ['sh', '-c', 'echo $0 $#'] }).stdout()).toBe('sh 0\n')
  })
})

describe('options a command has in busybox but the model does not honour', () => {
  it('are said, status 1, instead of silently ignored; the modelled ones work', () => {
    const t = run({
      argv: [
        'sh',
        '-c',
        'printf "b 2\\na 1\\n" | sort -k2; printf "x\\n" | cat -n; echo abc | head -c 2; ls -R /; printf "1\\n2\\n3\\n" | tail -n +2',
      ],
    })
    expect(t.stderr()).toBe(
      [
        'sort: option -k is not modelled by this simulated shell\n',
        'cat: option -n is not modelled by this simulated shell\n',
        'head: option -c is not modelled by this simulated shell\n',
        'ls: option -R is not modelled by this simulated shell\n',
      ].join(''),
    )
    expect(t.stdout()).toBe('2\n3\n')
  })
})
