import { resolvePath } from '../builtins.ts'
import type { CommandIO, Program } from '../program.ts'

/**
 * `test EXPR` and `[ EXPR ]`: strings (`=`, `!=`, `-n`, `-z`, a lone word), integers (`-eq` …
 * `-ge`), files (`-e`, `-f`, `-d`, `-s`, `-r`, `-w`, `-x` against the container's files), `!`,
 * and `-a`/`-o`. Status 0 true, 1 false, 2 with busybox's message for a bad expression.
 * @see busybox coreutils/test.c at 1_25_1 (`missing ]`, `bad number`, `unknown operand`)
 */

class TestError extends Error {}

const INT_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge'])
const FILE_OPS = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-h', '-L'])

function integer(s: string): bigint {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: bad number`)
  return BigInt(s.trim())
}

export function testCommand(name: 'test' | '['): (args: string[], io: CommandIO) => Program {
  return function* (args, io) {
    const shell = io.shell ?? name
    let words = args
    if (name === '[') {
      if (words[words.length - 1] !== ']') {
        yield { kind: 'out', stream: 2, text: `${shell}: missing ]\n` }
        return 2
      }
      words = words.slice(0, -1)
    }
    try {
      return evaluate(words, io) ? 0 : 1
    } catch (e) {
      if (!(e instanceof TestError)) throw e
      yield { kind: 'out', stream: 2, text: `${shell}: ${e.message}\n` }
      return 2
    }
  }
}

function evaluate(words: string[], io: CommandIO): boolean {
  if (words.length === 0) return false
  // `-o` binds loosest, then `-a`; each side is a primary, possibly negated.
  let result = false
  let pos = 0
  const primary = (): boolean => {
    let negate = false
    while (words[pos] === '!' && pos + 1 < words.length) {
      negate = !negate
      pos++
    }
    const rest = words.length - pos
    const a = words[pos] ?? ''
    const op = words[pos + 1]
    let value: boolean
    if (rest >= 3 && op !== undefined && isBinary(op)) {
      value = binary(a, op, words[pos + 2] ?? '')
      pos += 3
    } else if (rest >= 2 && (a === '-n' || a === '-z' || FILE_OPS.has(a))) {
      const b = words[pos + 1] ?? ''
      value = a === '-n' ? b !== '' : a === '-z' ? b === '' : file(a, b, io)
      pos += 2
    } else {
      value = a !== ''
      pos += 1
    }
    return negate ? !value : value
  }
  const conjunction = (): boolean => {
    let v = primary()
    while (words[pos] === '-a') {
      pos++
      const next = primary()
      v = v && next
    }
    return v
  }
  result = conjunction()
  while (words[pos] === '-o') {
    pos++
    const next = conjunction()
    result = result || next
  }
  if (pos < words.length) throw new TestError(`${words[pos]}: unknown operand`)
  return result
}

function isBinary(op: string): boolean {
  return op === '=' || op === '==' || op === '!=' || INT_OPS.has(op)
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '-eq':
      return integer(a) === integer(b)
    case '-ne':
      return integer(a) !== integer(b)
    case '-lt':
      return integer(a) < integer(b)
    case '-le':
      return integer(a) <= integer(b)
    case '-gt':
      return integer(a) > integer(b)
    default:
      return integer(a) >= integer(b)
  }
}

function file(op: string, path: string, { ctx }: CommandIO): boolean {
  const st = ctx.process.files.stat(resolvePath(ctx.cwd.path, path))
  if (st === null) return false
  if (op === '-f') return !st.dir
  if (op === '-d') return st.dir
  if (op === '-s') return st.size > 0
  // Symbolic links are not stored (see fs.ts): -h/-L are false.
  if (op === '-h' || op === '-L') return false
  return true
}
