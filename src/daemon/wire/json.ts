import { untyped } from '../errors.ts'

/**
 * JSON decoding with the error texts of Go 1.6's `encoding/json` Decoder, which the daemon
 * returned verbatim (untyped → 500): `EOF` for an empty body, `unexpected EOF` for a truncated
 * one, and the scanner's `invalid character …` messages. Like `Decoder.Decode`, only the first
 * value is read; whatever follows it is ignored.
 */

export class GoJSONError extends Error {}

/** Go's `quoteChar` from encoding/json/scanner.go. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const q = JSON.stringify(c)
  return `'${q.slice(1, -1)}'`
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isDigit = (c: string) => c >= '0' && c <= '9'
const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c)

class Scanner {
  i = 0
  /** The deepest nesting of containers seen. */
  maxDepth = 0
  constructor(readonly s: string) {}

  fail(c: string, context: string): never {
    throw new GoJSONError(`invalid character ${quoteChar(c)} ${context}`)
  }

  /** Next char, or throws unexpected EOF. */
  peek(): string {
    const c = this.s[this.i]
    if (c === undefined) throw new GoJSONError('unexpected EOF')
    return c
  }

  skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i] ?? '')) this.i++
  }

  /**
   * One whole value. Iterative, with an explicit stack of open containers: Go 1.6's scanner
   * keeps its parse state in a slice and has no depth limit (that came in Go 1.15), so JSON
   * nested 100,000 deep is read, not a JavaScript stack overflow.
   */
  value(): void {
    const open: ('{' | '[')[] = []
    let context = 'looking for beginning of value'
    for (;;) {
      // At the start of a value.
      this.skipSpace()
      const c = this.peek()
      if (c === '{' || c === '[') {
        this.i++
        this.skipSpace()
        const close = c === '{' ? '}' : ']'
        if (this.peek() === close) {
          this.i++ // an empty container is a complete value
        } else {
          open.push(c)
          if (open.length > this.maxDepth) this.maxDepth = open.length
          if (c === '{') this.key()
          context = 'looking for beginning of value'
          continue
        }
      } else if (c === '"') this.string()
      else if (c === '-' || isDigit(c)) this.number()
      else if (c === 't') this.literal('true')
      else if (c === 'f') this.literal('false')
      else if (c === 'n') this.literal('null')
      else this.fail(c, context)
      // After a complete value: close containers until one wants another element.
      for (;;) {
        const top = open.at(-1)
        if (top === undefined) return
        this.skipSpace()
        const next = this.peek()
        if (next === ',') {
          this.i++
          if (top === '{') {
            this.skipSpace()
            this.key()
          }
          break
        }
        if ((top === '{' && next === '}') || (top === '[' && next === ']')) {
          this.i++
          open.pop()
          continue
        }
        this.fail(next, top === '{' ? 'after object key:value pair' : 'after array element')
      }
    }
  }

  /** An object key and its colon; the value follows. */
  key(): void {
    this.skipSpace()
    const c = this.peek()
    if (c !== '"') this.fail(c, 'looking for beginning of object key string')
    this.string()
    this.skipSpace()
    const colon = this.peek()
    if (colon !== ':') this.fail(colon, 'after object key')
    this.i++
  }

  string(): void {
    this.i++ // opening quote
    for (;;) {
      const c = this.peek()
      this.i++
      if (c === '"') return
      if (c === '\\') {
        const e = this.peek()
        this.i++
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            const h = this.peek()
            if (!isHex(h)) this.fail(h, 'in \\u hexadecimal character escape')
            this.i++
          }
        } else if (!'"\\/bfnrt'.includes(e)) {
          this.fail(e, 'in string escape code')
        }
      } else if (c < ' ') {
        this.fail(c, 'in string literal')
      }
    }
  }

  literal(word: string): void {
    this.i++
    for (let k = 1; k < word.length; k++) {
      const c = this.peek()
      const want = word[k] ?? ''
      if (c !== want) this.fail(c, `in literal ${word} (expecting ${quoteChar(want)})`)
      this.i++
    }
  }

  number(): void {
    let c = this.peek()
    if (c === '-') {
      this.i++
      c = this.peek()
      if (!isDigit(c)) this.fail(c, 'in numeric literal')
    }
    if (c === '0') {
      this.i++
    } else {
      while (this.i < this.s.length && isDigit(this.s[this.i] ?? '')) this.i++
    }
    if (this.s[this.i] === '.') {
      this.i++
      const d = this.peek()
      if (!isDigit(d)) this.fail(d, 'after decimal point in numeric literal')
      while (this.i < this.s.length && isDigit(this.s[this.i] ?? '')) this.i++
    }
    const e = this.s[this.i]
    if (e === 'e' || e === 'E') {
      this.i++
      let d = this.peek()
      if (d === '+' || d === '-') {
        this.i++
        d = this.peek()
      }
      if (!isDigit(d)) this.fail(d, 'in exponent of numeric literal')
      while (this.i < this.s.length && isDigit(this.s[this.i] ?? '')) this.i++
    }
  }
}

/**
 * Decodes the first JSON value of `text` as Go's `json.NewDecoder(body).Decode(&v)` would.
 * @throws DaemonError (untyped → 500) with Go's message.
 */
export function decodeJSON(text: string): unknown {
  const s = new Scanner(text)
  s.skipSpace()
  if (s.i >= text.length) throw untyped('EOF')
  const start = s.i
  try {
    s.value()
  } catch (e) {
    if (e instanceof GoJSONError) throw untyped(e.message)
    throw e
  }
  // A bare number at the very end is complete; one followed by garbage is also complete for
  // the Decoder (the garbage is the next value). Either way the first value is what we parse.
  // (V8's JSON.parse is iterative: depth does not overflow it.)
  const value: unknown = JSON.parse(text.slice(start, s.i))
  return s.maxDepth > MAX_KEPT_DEPTH ? prune(value) : value
}

/**
 * No Go type of the API nests anywhere near this deep (a service spec, the deepest, is about 8
 * levels), so Go's typed decode never keeps a value past it: the first level that does not fit
 * is a type error, or the whole branch is an unknown field and dropped. Containers below this
 * depth are replaced by null, which changes no answer (type errors are decided at a shallower
 * level) but keeps every later recursive walk (JSON.stringify, structuredClone, snapshots) off
 * a stack overflow.
 */
const MAX_KEPT_DEPTH = 64

/** `value` with every object or array deeper than MAX_KEPT_DEPTH replaced by null (iterative). */
function prune(value: unknown): unknown {
  const stack: Array<{ node: Record<string, unknown> | unknown[]; depth: number }> = []
  if (typeof value === 'object' && value !== null)
    stack.push({ node: value as Record<string, unknown>, depth: 1 })
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node)
    for (const [key, child] of entries) {
      if (typeof child !== 'object' || child === null) continue
      if (depth >= MAX_KEPT_DEPTH) (node as Record<string | number, unknown>)[key] = null
      else stack.push({ node: child as Record<string, unknown>, depth: depth + 1 })
    }
  }
  return value
}

/** Go 1.6's UnmarshalTypeError text. */
export function typeError(jsonKind: string, goType: string): Error {
  return untyped(`json: cannot unmarshal ${jsonKind} into Go value of type ${goType}`)
}

/** JSON kind names as encoding/json prints them. */
export function jsonKind(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  return 'string'
}
