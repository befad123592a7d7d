/**
 * The kernel's tty line discipline (n_tty) between a pseudo-terminal's master — where the
 * daemon writes what the client types — and the program reading the slave. Modelled with the
 * termios a fresh pty has on Linux: ICANON ECHO ECHOE ECHOK ECHOCTL ISIG ICRNL OPOST ONLCR.
 *
 * Canonical mode collects a line (echoing it, with erase/kill/word-erase) and hands it over at
 * Enter; Ctrl-C / Ctrl-\ / Ctrl-Z become signals, Ctrl-D on an empty line is end-of-file. Raw
 * mode (what `top` asks for) hands every byte over at once, unechoed. Output turns `\n` into
 * `\r\n`, which is why a TTY container's logs have CRLF line ends.
 * @see linux drivers/tty/n_tty.c; termios(3)
 */

export type TtyEvent =
  | { kind: 'data'; text: string }
  | { kind: 'eof' }
  | { kind: 'signal'; signal: 'INT' | 'QUIT' | 'TSTP' }

/** n_tty's line buffer holds 4095 characters; more typed on one line are dropped. */
export const MAX_LINE = 4095

const VINTR = '\x03'
const VQUIT = '\x1c'
const VSUSP = '\x1a'
const VEOF = '\x04'
const VKILL = '\x15'
const VWERASE = '\x17'
const VERASE = '\x7f'
/** Not VERASE in a fresh termios, but terminals and busybox's line editor treat it as one. */
const BACKSPACE = '\b'
const ESC = '\x1b'

const RUB_OUT = '\b \b'

export class LineDiscipline {
  /** ICANON: collect lines; off = raw, every byte goes to the reader at once. */
  canonical = true
  /** ECHO: show what is typed. */
  echo = true
  /** ISIG: Ctrl-C, Ctrl-\ and Ctrl-Z raise signals instead of being read. */
  signals = true
  private line = ''
  /** Characters (code points) in `line`, kept so a long paste is not counted again per key. */
  private lineChars = 0
  /** An escape sequence (arrow keys, F-keys) being swallowed: it has no meaning in a line. */
  private escape = ''
  /**
   * The terminal's cursor column, as n_tty follows it through everything written (output and
   * echo), and the column the current line started at (after the prompt): erasing a tab moves
   * back as many columns as the tab took, which depends on both.
   */
  private column = 0
  private lineStart = 0

  /** What the client typed → what to echo back and what the reader gets. */
  receive(input: string): { echo: string; events: TtyEvent[] } {
    return this.take(input)
  }

  /**
   * OPOST + ONLCR: what the program writes reaches the terminal with every newline as CR LF
   * (which is why a TTY container's logs have CRLF line ends); the column is followed.
   */
  output(text: string): string {
    const out = ttyOutput(text)
    this.follow(out)
    return out
  }

  private take(input: string): { echo: string; events: TtyEvent[] } {
    let echo = ''
    const events: TtyEvent[] = []
    // Echo moves the followed column as it is produced (a line may start mid-input).
    const say = (text: string): void => {
      echo += text
      this.follow(text)
    }
    if (!this.canonical) {
      let data = ''
      for (const ch of input) {
        const signal = this.signals ? SIGNAL_OF[ch] : undefined
        if (signal !== undefined) {
          if (data !== '') events.push({ kind: 'data', text: data })
          data = ''
          if (this.echo) say(caret(ch))
          events.push({ kind: 'signal', signal })
        } else data += ch
      }
      if (data !== '') {
        events.push({ kind: 'data', text: data })
        if (this.echo) say(data)
      }
      return { echo, events }
    }
    for (const raw of input) {
      if (this.escape !== '') {
        this.escape += raw
        if (escapeComplete(this.escape)) this.escape = ''
        continue
      }
      // ICRNL: the Enter key sends CR; the reader sees NL.
      const ch = raw === '\r' ? '\n' : raw
      const signal = this.signals ? SIGNAL_OF[ch] : undefined
      if (signal !== undefined) {
        // The pending line is flushed (NOFLSH is off) and the character echoed as ^C.
        this.clearLine()
        if (this.echo) say(caret(ch))
        events.push({ kind: 'signal', signal })
      } else if (ch === '\n') {
        events.push({ kind: 'data', text: `${this.line}\n` })
        this.clearLine()
        if (this.echo) say('\r\n')
      } else if (ch === VEOF) {
        // At the start of a line: end of file (read returns 0). Mid-line: the line so far, unended.
        if (this.line === '') events.push({ kind: 'eof' })
        else events.push({ kind: 'data', text: this.line })
        this.clearLine()
      } else if (ch === VERASE || ch === BACKSPACE) {
        say(this.rubOut(1))
      } else if (ch === VKILL) {
        say(this.rubOut(this.lineChars))
      } else if (ch === VWERASE) {
        const chars = [...this.line]
        let n = 0
        while (n < chars.length && chars[chars.length - 1 - n] === ' ') n++
        while (n < chars.length && chars[chars.length - 1 - n] !== ' ') n++
        say(this.rubOut(n))
      } else if (ch === ESC) {
        this.escape = ESC
      } else if (this.lineChars < MAX_LINE) {
        if (this.lineChars === 0) this.lineStart = this.column
        this.line += ch
        this.lineChars++
        if (this.echo) say(ch < ' ' && ch !== '\t' ? caret(ch) : ch)
      }
    }
    return { echo, events }
  }

  /** The characters typed on the current line so far (not yet read by anyone). */
  get pending(): string {
    return this.line
  }

  private clearLine(): void {
    this.line = ''
    this.lineChars = 0
  }

  private rubOut(count: number): string {
    const chars = [...this.line]
    const n = Math.min(count, chars.length)
    if (n === 0) return ''
    this.line = chars.slice(0, chars.length - n).join('')
    this.lineChars -= n
    if (!this.echo) return ''
    // Erased from the end: each character's own width. A control character was echoed as two
    // columns (^X, ECHOCTL); a tab took the columns up to the next tab stop, so it is backed
    // over with that many backspaces (n_tty's echo_erase_tab).
    let out = ''
    const starts = columnsOf(this.lineStart, chars)
    for (let i = chars.length - 1; i >= chars.length - n; i--) {
      const c = chars[i] ?? ''
      if (c === '\t') out += '\b'.repeat((starts[i + 1] ?? 0) - (starts[i] ?? 0))
      else out += c < ' ' ? RUB_OUT + RUB_OUT : RUB_OUT
    }
    return out
  }

  /**
   * Moves the followed column over text written to the terminal. Escape sequences move the
   * cursor only as their kind says (`clear`'s ESC [ H homes it; colours do not move it).
   */
  private follow(text: string): void {
    let i = 0
    while (i < text.length) {
      const ch = text[i] ?? ''
      if (ch === '\x1b') {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
        const csi = /^\x1b\[([0-9;?]*)([@-~])/.exec(text.slice(i, i + 32))
        if (csi === null) {
          i += 2
          continue
        }
        const params = (csi[1] ?? '').split(';')
        const final = csi[2]
        if (final === 'H' || final === 'f') this.column = Math.max(0, Number(params[1] || 1) - 1)
        else if (final === 'G') this.column = Math.max(0, Number(params[0] || 1) - 1)
        else if (final === 'C') this.column += Number(params[0] || 1)
        else if (final === 'D') this.column = Math.max(0, this.column - Number(params[0] || 1))
        i += csi[0].length
        continue
      }
      if (ch === '\n' || ch === '\r') this.column = 0
      else if (ch === '\b') this.column = Math.max(0, this.column - 1)
      else if (ch === '\t') this.column = (this.column | 7) + 1
      else if (ch >= ' ') this.column++
      i++
    }
  }
}

const SIGNAL_OF: Record<string, 'INT' | 'QUIT' | 'TSTP'> = {
  [VINTR]: 'INT',
  [VQUIT]: 'QUIT',
  [VSUSP]: 'TSTP',
}

/** ECHOCTL: a control character is echoed as ^ and the character 64 above it. */
function caret(ch: string): string {
  return `^${String.fromCharCode(ch.charCodeAt(0) + 64)}`
}

/** ESC [ params final, ESC O x, ESC x (the shapes keys send), and OSC/DCS strings (replies). */
function escapeComplete(seq: string): boolean {
  if (seq.length < 2) return false
  const second = seq[1]
  if (second === '[') {
    const last = seq.charCodeAt(seq.length - 1)
    return seq.length > 2 && last >= 0x40 && last <= 0x7e
  }
  if (second === 'O') return seq.length >= 3
  // OSC and DCS strings (a terminal's answer to a colour query, `ESC ] 4;1;rgb:… BEL`) run to
  // BEL or ESC \; one that never ends stops being swallowed after MAX_STRING characters.
  if (second === ']' || second === 'P') {
    return seq.endsWith('\x07') || seq.endsWith('\x1b\\') || seq.length > MAX_STRING
  }
  return true
}

/** The longest terminal string (OSC, DCS) swallowed as one key. */
const MAX_STRING = 4096

/** The column each character of a line starts at, and where the line ends (index = length). */
function columnsOf(start: number, chars: string[]): number[] {
  const cols = [start]
  let col = start
  for (const c of chars) {
    col = c === '\t' ? (col | 7) + 1 : c < ' ' ? col + 2 : col + 1
    cols.push(col)
  }
  return cols
}

/** OPOST + ONLCR: every newline the program writes reaches the terminal as CR LF. */
export function ttyOutput(text: string): string {
  return text.replace(/\n/g, '\r\n')
}
