/**
 * `$(( … ))`: shell arithmetic as busybox ash evaluates it — on 64-bit signed integers that wrap
 * (`2**63` is -9223372036854775808, `2**64` is 0), a literal too large for 64 bits counts as 0
 * ("bash compat" in math.c, so `$((99999999999999999999*2))` is 0), with the C operators:
 * unary `- + ! ~`, `**` (right to left), `* / %`, `+ -`, `<< >>`, comparisons, `& ^ |`, `&& ||`,
 * parentheses, and variable names (unset or empty = 0).
 *
 * Like math.c it runs an operator stack, not recursion, so nesting depth costs memory, not call
 * stack: 100,000 nested parentheses evaluate as ash evaluates them.
 * @see busybox shell/math.c at 1_25_1 (arith_apply, strto_arith_t with errno → 0)
 */

export class ArithmeticError extends Error {}

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v)
const U64_MAX = (1n << 64n) - 1n

type Tok = { t: 'num'; v: bigint } | { t: 'op'; v: string }

/** Two-character operators are tried first, so `**` wins over `*` and `<=` over `<`. */
const OPS2 = new Set(['**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||'])
const OPS1 = new Set([...'+-*/%<>&^|!~()?:=,'])

/** Binary operators by binding power (higher binds tighter); `**` alone is right-associative. */
const BINARY: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '<=': 7,
  '>': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 11,
}

/** A literal as strtoull(…, 0) reads it: 0x hex, leading-0 octal, decimal; too large → 0. */
function literal(text: string): bigint {
  const neg = text.startsWith('-')
  const body = text.replace(/^[-+]/, '')
  let v: bigint
  if (/^0x[0-9a-f]+$/i.test(body)) v = BigInt(body)
  else if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`)
  else if (/^\d+$/.test(body) && !/^0\d/.test(body)) v = BigInt(body)
  else throw new ArithmeticError('arithmetic syntax error')
  if (v > U64_MAX) return 0n
  return I64(neg ? -v : v)
}

const NUMBER = /[0-9][0-9a-z_]*/iy
const NAME = /\$?\{?([A-Za-z_]\w*)\}?/y

function tokens(expr: string, vars: Map<string, string>): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < expr.length) {
    const c = expr[i] ?? ''
    if (c === ' ' || c === '\t' || c === '\n') {
      i++
      continue
    }
    // A number glued to letters (`08`, `1a`) is read whole, and is not a number ash accepts.
    NUMBER.lastIndex = i
    const num = NUMBER.exec(expr)
    if (num !== null) {
      out.push({ t: 'num', v: literal(num[0]) })
      i += num[0].length
      continue
    }
    NAME.lastIndex = i
    const name = NAME.exec(expr)
    if (name?.[1] !== undefined) {
      const value = (vars.get(name[1]) ?? '').trim()
      out.push({ t: 'num', v: value === '' ? 0n : literal(value) })
      i += name[0].length
      continue
    }
    const pair = expr.slice(i, i + 2)
    const op = OPS2.has(pair) ? pair : OPS1.has(c) ? c : undefined
    if (op === undefined) throw new ArithmeticError('arithmetic syntax error')
    if (op === '?' || op === ':' || op === '=' || op === ',') {
      throw new ArithmeticError(
        `arithmetic operator '${op}' is not supported by this simulated shell`,
      )
    }
    out.push({ t: 'op', v: op })
    i += op.length
  }
  return out
}

function power(base: bigint, exp: bigint): bigint {
  if (exp < 0n) throw new ArithmeticError('exponent less than 0')
  // Square and multiply modulo 2^64: the same bits as ash's loop of `exp` multiplications.
  let result = 1n
  let b = I64(base)
  let e = exp
  while (e > 0n) {
    if (e & 1n) result = I64(result * b)
    b = I64(b * b)
    e >>= 1n
  }
  return result
}

function apply(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+':
      return I64(a + b)
    case '-':
      return I64(a - b)
    case '*':
      return I64(a * b)
    case '**':
      return power(a, b)
    case '/':
    case '%': {
      if (b === 0n) throw new ArithmeticError('divide by zero')
      // MIN / -1 does not fit: ash divides by 1 instead (math.c), so MIN stays MIN.
      const d = b === -1n && I64(a << 1n) === 0n ? 1n : b
      return op === '/' ? I64(a / d) : a % d
    }
    case '<<':
      return I64(a << (b & 63n))
    case '>>':
      return a >> (b & 63n)
    case '&':
      return a & b
    case '|':
      return a | b
    case '^':
      return a ^ b
    case '<':
      return a < b ? 1n : 0n
    case '<=':
      return a <= b ? 1n : 0n
    case '>':
      return a > b ? 1n : 0n
    case '>=':
      return a >= b ? 1n : 0n
    case '==':
      return a === b ? 1n : 0n
    case '!=':
      return a !== b ? 1n : 0n
    case '&&':
      return a !== 0n && b !== 0n ? 1n : 0n
    default:
      return a !== 0n || b !== 0n ? 1n : 0n
  }
}

function unary(op: string, a: bigint): bigint {
  if (op === '-') return I64(-a)
  if (op === '!') return a === 0n ? 1n : 0n
  if (op === '~') return ~a
  return a
}

/** An entry of the operator stack: a binary operator, a prefix one (`u-`), or `(`. */
type Pending = { kind: 'binary' | 'unary'; op: string } | { kind: 'paren' }

/** Evaluates `expr` (the inside of `$((…))`); its decimal text, as ash prints it. */
export function evaluate(expr: string, vars: Map<string, string>): string {
  const toks = tokens(expr, vars)
  if (toks.length === 0) return '0'
  const values: bigint[] = []
  const ops: Pending[] = []
  const reduce = (): void => {
    const top = ops.pop()
    if (top === undefined || top.kind === 'paren')
      throw new ArithmeticError('arithmetic syntax error')
    if (top.kind === 'unary') {
      const a = values.pop()
      if (a === undefined) throw new ArithmeticError('arithmetic syntax error')
      values.push(unary(top.op, a))
      return
    }
    const b = values.pop()
    const a = values.pop()
    if (a === undefined || b === undefined) throw new ArithmeticError('arithmetic syntax error')
    values.push(apply(top.op, a, b))
  }
  const bindsBefore = (top: Pending | undefined, op: string): boolean => {
    if (top === undefined || top.kind === 'paren') return false
    // Prefix operators bind tighter than any binary one (`-2**2` is 4 in ash).
    if (top.kind === 'unary') return true
    const p = BINARY[top.op] ?? 0
    const q = BINARY[op] ?? 0
    return op === '**' ? p > q : p >= q
  }
  let expectOperand = true
  for (const tok of toks) {
    if (expectOperand) {
      if (tok.t === 'num') {
        values.push(tok.v)
        expectOperand = false
      } else if (tok.v === '(') ops.push({ kind: 'paren' })
      else if (tok.v === '-' || tok.v === '+' || tok.v === '!' || tok.v === '~') {
        ops.push({ kind: 'unary', op: tok.v })
      } else throw new ArithmeticError('arithmetic syntax error')
      continue
    }
    if (tok.t === 'num') throw new ArithmeticError('arithmetic syntax error')
    if (tok.v === ')') {
      while (ops.length > 0 && ops[ops.length - 1]?.kind !== 'paren') reduce()
      if (ops.pop() === undefined) throw new ArithmeticError('syntax error: unexpected ")"')
      continue
    }
    if (BINARY[tok.v] === undefined) throw new ArithmeticError('arithmetic syntax error')
    while (bindsBefore(ops[ops.length - 1], tok.v)) reduce()
    ops.push({ kind: 'binary', op: tok.v })
    expectOperand = true
  }
  if (expectOperand) throw new ArithmeticError('arithmetic syntax error')
  while (ops.length > 0) {
    if (ops[ops.length - 1]?.kind === 'paren')
      throw new ArithmeticError("syntax error: missing '))'")
    reduce()
  }
  if (values.length !== 1) throw new ArithmeticError('arithmetic syntax error')
  return String(values[0])
}
