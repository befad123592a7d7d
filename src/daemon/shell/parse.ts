/**
 * Parser for the `sh` subset learners type: `;`/newline, `&&`, `||`, pipes, `while …; do …;
 * done`, `until`, `for v in a b; do …; done`, `$((…))`, and `>&2` on a command. Anything else
 * (`&`, `$(…)`, file redirections) is a ParseError: the shell says it is not supported rather
 * than run something wrong.
 */

/** A word as typed: single-quoted parts stay literal, the rest expands `$VAR` when run. */
export type Word = Array<{ text: string; expand: boolean }>

export type Command =
  | { kind: 'simple'; words: Word[]; toStderr: boolean }
  /** `a | b | c`: each stage's stdout is the next one's stdin. */
  | { kind: 'pipe'; stages: Command[] }
  | { kind: 'while'; until: boolean; cond: List; body: List }
  | { kind: 'for'; name: string; items: Word[]; body: List }

/** `op` joins the item to the previous one (the first one's is ';'). */
export type List = Array<{ op: ';' | '&&' | '||'; cmd: Command }>

export class ParseError extends Error {
  /**
   * The input ended inside a construct (an open quote, `while` without `done`, `$((` without
   * `))`): an interactive shell reads another line (PS2 `> `) instead of reporting an error.
   */
  readonly incomplete: boolean
  constructor(message: string, incomplete = false) {
    super(message)
    this.incomplete = incomplete
  }
}

/**
 * Compound commands (`while`, `until`, `for`) nested deeper than this are refused: the parser
 * and the interpreter recurse once per level, and JavaScript's stack is far smaller than the
 * 8 MiB one ash runs on (busybox 1.35's ash runs 5,000 nested `while` loops and dies of
 * SIGSEGV at 50,000). Said plainly, exit 2, like any script this shell cannot run.
 */
export const MAX_NESTING = 1000
/**
 * A pipeline's stages pull from each other recursively (runPipe), so thousands of them overflow
 * the stack: 5,000 `| cat` ended the shell with no message. ash forks a process per stage and
 * has no such limit; this shell refuses, with a message, instead.
 */
export const MAX_PIPELINE = 1000

const UNSUPPORTED_SUBSTITUTION = 'command substitution is not supported by this simulated shell'
/** Operators real sh has and this one does not: said plainly instead of a false syntax error. */
const UNSUPPORTED_OPS = new Set(['&', '>', '<', '(', ')'])

function unexpected(token: string): ParseError {
  return new ParseError(
    UNSUPPORTED_OPS.has(token)
      ? `'${token}' is not supported by this simulated shell`
      : `syntax error: unexpected "${token}"`,
  )
}

type Token = { t: 'word'; word: Word; raw: string } | { t: 'op'; v: string }

const OPS = ['&&', '||', '1>&2', '>&2', '2>&1', '>&1', ';', '\n', '|', '&', '>', '<', '(', ')']

export function tokenize(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < src.length) {
    const ch = src[i] ?? ''
    if (ch === ' ' || ch === '\t') {
      i++
      continue
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (op !== undefined) {
      out.push({ t: 'op', v: op })
      i += op.length
      continue
    }
    const word: Word = []
    let raw = ''
    while (i < src.length) {
      const c = src[i] ?? ''
      if (c === "'") {
        const end = src.indexOf("'", i + 1)
        if (end < 0) throw new ParseError('unterminated quoted string', true)
        word.push({ text: src.slice(i + 1, end), expand: false })
        raw += src.slice(i, end + 1)
        i = end + 1
      } else if (c === '"') {
        const end = src.indexOf('"', i + 1)
        if (end < 0) throw new ParseError('unterminated quoted string', true)
        const inner = src.slice(i + 1, end)
        if (/\$\((?!\()/.test(inner) || inner.includes('`'))
          throw new ParseError(UNSUPPORTED_SUBSTITUTION)
        word.push({ text: inner.replace(/\\(["\\$`])/g, '$1'), expand: true })
        raw += src.slice(i, end + 1)
        i = end + 1
      } else if (c === '\\' && i + 1 < src.length) {
        word.push({ text: src[i + 1] ?? '', expand: false })
        raw += src.slice(i, i + 2)
        i += 2
      } else if (' \t'.includes(c) || OPS.some((o) => src.startsWith(o, i))) {
        break
      } else if (src.startsWith('$((', i)) {
        // Arithmetic expansion: kept whole (spaces and operators included) for `expand`.
        const end = arithmeticEnd(src, i + 3)
        const text = src.slice(i, end)
        const last = word[word.length - 1]
        if (last?.expand === true) last.text += text
        else word.push({ text, expand: true })
        raw += text
        i = end
      } else {
        if (c === '`' || src.startsWith('$(', i)) throw new ParseError(UNSUPPORTED_SUBSTITUTION)
        // Bare characters join the previous expandable part, so `$NAME` stays one unit.
        const last = word[word.length - 1]
        if (last?.expand === true) last.text += c
        else word.push({ text: c, expand: true })
        raw += c
        i++
      }
    }
    out.push({ t: 'word', word, raw })
  }
  return out
}

/** Index just past the `))` closing a `$((` whose body starts at `from`, parentheses balanced. */
function arithmeticEnd(src: string, from: number): number {
  let depth = 0
  for (let i = from; i < src.length; i++) {
    const c = src[i]
    if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) {
        if (src[i + 1] !== ')') throw new ParseError('syntax error: missing ))')
        return i + 2
      }
      depth--
    }
  }
  throw new ParseError('syntax error: missing ))', true)
}

export function parse(src: string): List {
  const p = new Parser(tokenize(src))
  const list = p.list(new Set())
  if (!p.done()) throw unexpected(p.peekText())
  return list
}

class Parser {
  private pos = 0
  private depth = 0
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length
  }

  peekText(): string {
    const t = this.tokens[this.pos]
    return t === undefined ? '' : t.t === 'op' ? t.v : t.raw
  }

  /** Items up to (not including) one of the `stop` keywords in command position, or the end. */
  list(stop: Set<string>): List {
    const items: List = []
    let op: ';' | '&&' | '||' = ';'
    for (;;) {
      this.skipSeparators()
      if (this.done() || stop.has(this.peekKeyword())) return items
      items.push({ op, cmd: this.command() })
      const t = this.tokens[this.pos]
      if (t === undefined) return items
      if (t.t === 'op' && (t.v === '&&' || t.v === '||')) {
        op = t.v
        this.pos++
        this.skipNewlines()
      } else if (t.t === 'op' && (t.v === ';' || t.v === '\n')) {
        op = ';'
      } else if (t.t === 'word' && stop.has(t.raw)) {
        return items
      } else {
        throw unexpected(this.peekText())
      }
    }
  }

  private skipSeparators(): void {
    for (let t = this.tokens[this.pos]; t?.t === 'op' && (t.v === ';' || t.v === '\n'); ) {
      this.pos++
      t = this.tokens[this.pos]
    }
  }

  private skipNewlines(): void {
    for (let t = this.tokens[this.pos]; t?.t === 'op' && t.v === '\n'; ) {
      this.pos++
      t = this.tokens[this.pos]
    }
  }

  private peekKeyword(): string {
    const t = this.tokens[this.pos]
    return t?.t === 'word' ? t.raw : ''
  }

  private expectKeyword(k: string): void {
    this.skipSeparators()
    if (this.peekKeyword() !== k) {
      throw new ParseError(`syntax error: expected "${k}"`, this.done())
    }
    this.pos++
  }

  private command(): Command {
    const first = this.single()
    const stages = [first]
    for (let t = this.tokens[this.pos]; t?.t === 'op' && t.v === '|'; t = this.tokens[this.pos]) {
      this.pos++
      this.skipNewlines()
      stages.push(this.single())
      if (stages.length > MAX_PIPELINE) {
        throw new ParseError(
          `pipelines of more than ${MAX_PIPELINE} commands are not supported by this simulated shell`,
        )
      }
    }
    return stages.length === 1 ? first : { kind: 'pipe', stages }
  }

  private single(): Command {
    const k = this.peekKeyword()
    if (k !== 'while' && k !== 'until' && k !== 'for') return this.simple()
    if (++this.depth > MAX_NESTING) {
      throw new ParseError(
        `compound commands nested deeper than ${MAX_NESTING} levels are not supported by this simulated shell`,
      )
    }
    const cmd = this.compound(k)
    this.depth--
    return cmd
  }

  private compound(k: string): Command {
    if (k === 'while' || k === 'until') {
      this.pos++
      const cond = this.list(new Set(['do']))
      this.expectKeyword('do')
      const body = this.list(new Set(['done']))
      this.expectKeyword('done')
      return { kind: 'while', until: k === 'until', cond, body }
    }
    // `for NAME [in WORDS]; do LIST; done`
    this.pos++
    const name = this.tokens[this.pos]
    if (name?.t !== 'word' || !/^[A-Za-z_]\w*$/.test(name.raw)) {
      throw new ParseError('syntax error: bad for loop variable', name === undefined)
    }
    this.pos++
    const items: Word[] = []
    if (this.peekKeyword() === 'in') {
      this.pos++
      for (let t = this.tokens[this.pos]; t?.t === 'word'; t = this.tokens[this.pos]) {
        items.push(t.word)
        this.pos++
      }
    }
    this.expectKeyword('do')
    const body = this.list(new Set(['done']))
    this.expectKeyword('done')
    return { kind: 'for', name: name.raw, items, body }
  }

  private simple(): Command {
    const words: Word[] = []
    let toStderr = false
    for (let t = this.tokens[this.pos]; t !== undefined; t = this.tokens[this.pos]) {
      if (t.t === 'word') words.push(t.word)
      else if (t.v === '>&2' || t.v === '1>&2') toStderr = true
      else if (t.v === '2>&1' || t.v === '>&1') {
        // stderr already goes where stdout goes in a container's log: nothing to do.
      } else break
      this.pos++
    }
    if (words.length === 0) throw unexpected(this.peekText())
    return { kind: 'simple', words, toStderr }
  }
}
