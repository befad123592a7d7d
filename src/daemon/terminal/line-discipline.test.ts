import { describe, expect, it } from 'vitest'
import { LineDiscipline, MAX_LINE, ttyOutput } from './line-discipline.ts'

const typed = (ld: LineDiscipline, input: string) => ld.receive(input)

describe('LineDiscipline (canonical mode, a fresh pty termios)', () => {
  it('echoes as typed and hands over a line at Enter, CR turned into NL', () => {
    const ld = new LineDiscipline()
    expect(typed(ld, 'ls')).toEqual({ echo: 'ls', events: [] })
    expect(ld.pending).toBe('ls')
    expect(typed(ld, ' /\r')).toEqual({
      echo: ' /\r\n',
      events: [{ kind: 'data', text: 'ls /\n' }],
    })
    expect(ld.pending).toBe('')
  })

  it('erases a character (DEL and BS), a word (Ctrl-W) and the line (Ctrl-U) on screen too', () => {
    const ld = new LineDiscipline()
    expect(typed(ld, 'echo hello wor\x7f\b').echo).toBe('echo hello wor\b \b\b \b')
    expect(typed(ld, '\x17').echo).toBe('\b \b')
    expect(ld.pending).toBe('echo hello ')
    // Word erase takes the spaces before the cursor, then the word.
    expect(typed(ld, '\x17').echo).toBe('\b \b'.repeat('hello '.length))
    expect(ld.pending).toBe('echo ')
    expect(typed(ld, '\x15').echo).toBe('\b \b'.repeat(5))
    // Nothing to erase: nothing echoed.
    expect(typed(ld, '\x7f').echo).toBe('')
    // A multi-byte character is one column and one erase.
    typed(ld, 'é')
    expect(typed(ld, '\x7f').echo).toBe('\b \b')
    expect(ld.pending).toBe('')
  })

  it('Ctrl-C and Ctrl-\\ flush the line and raise signals, echoed as ^C and ^\\', () => {
    const ld = new LineDiscipline()
    expect(typed(ld, 'sleep 9\x03')).toEqual({
      echo: 'sleep 9^C',
      events: [{ kind: 'signal', signal: 'INT' }],
    })
    expect(ld.pending).toBe('')
    expect(typed(ld, '\x1c').events).toEqual([{ kind: 'signal', signal: 'QUIT' }])
  })

  it('Ctrl-D is end of file on an empty line and pushes a partial one', () => {
    const ld = new LineDiscipline()
    expect(typed(ld, '\x04').events).toEqual([{ kind: 'eof' }])
    expect(typed(ld, 'abc\x04').events).toEqual([{ kind: 'data', text: 'abc' }])
  })

  it('swallows arrow keys split across reads, echoes other controls as ^X', () => {
    const ld = new LineDiscipline()
    expect(typed(ld, 'a\x1b[')).toEqual({ echo: 'a', events: [] })
    expect(typed(ld, 'Ab')).toEqual({ echo: 'b', events: [] })
    expect(typed(ld, '\x07').echo).toBe('^G')
    expect(ld.pending).toBe('ab\x07')
  })

  it('drops what is typed past the 4095-character line buffer', () => {
    const ld = new LineDiscipline()
    typed(ld, 'x'.repeat(MAX_LINE + 50))
    expect(ld.pending.length).toBe(MAX_LINE)
  })

  it('raw mode (top) passes bytes at once, unechoed, with signals off', () => {
    const ld = new LineDiscipline()
    ld.canonical = false
    ld.echo = false
    ld.signals = false
    expect(typed(ld, 'q\x03')).toEqual({ echo: '', events: [{ kind: 'data', text: 'q\x03' }] })
  })
})

describe('ttyOutput (OPOST ONLCR)', () => {
  it('turns every newline into CR LF', () => {
    expect(ttyOutput('a\nb\n')).toBe('a\r\nb\r\n')
  })
})

describe('terminal replies', () => {
  it("swallows a terminal's answers to status and colour queries (DSR, OSC 4) instead of typing them", () => {
    const ld = new LineDiscipline()
    const r = ld.receive(
      'ls\x1b[12;5R\x1b]4;1;rgb:cccc/0000/0000\x07\x1b]10;rgb:ffff/ffff/ffff\x1b\\ -l\r',
    )
    expect(r.events).toEqual([{ kind: 'data', text: 'ls -l\n' }])
    expect(r.echo).toBe('ls -l\r\n')
  })
})
