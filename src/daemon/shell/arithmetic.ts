/**
 * `$(( … ))`: shell arithmetic on integers, as busybox ash evaluates it — + - * / % ** and
 * comparisons, && || !, parentheses, unary minus, and variable names (unset or empty = 0).
 * Results are 64-bit in ash; JavaScript numbers are exact up to 2^53, enough for a lesson.
 * @see busybox shell/math.c
 */

export class ArithmeticError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'op'; v: string }

const OPS = [
  '**',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '(',
  ')',
  '!',
]

function tokens(expr: string, vars: Map<string, string>): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < expr.length) {
    const c = expr[i] ?? ''
    if (c === ' ' || c === '\t' || c === '\n') {
      i++
      continue
    }
    const num = /^(0x[0-9a-f]+|\d+)/i.exec(expr.slice(i))
    if (num?.[0] !== undefined) {
      out.push({
        t: 'num',
        v: Number(
          num[0].startsWith('0') && num[0].length > 1 && !/x/i.test(num[0])
            ? Number.parseInt(num[0], 8)
            : num[0],
        ),
      })
      i += num[0].length
      continue
    }
    const name = /^\$?\{?([A-Za-z_]\w*)\}?/.exec(expr.slice(i))
    if (name?.[1] !== undefined) {
      const value = (vars.get(name[1]) ?? '').trim()
      const n = value === '' ? 0 : Number(value)
      if (!Number.isInteger(n)) throw new ArithmeticError('arithmetic syntax error')
      out.push({ t: 'num', v: n })
      i += name[0].length
      continue
    }
    const op = OPS.find((o) => expr.startsWith(o, i))
    if (op === undefined) throw new ArithmeticError('arithmetic syntax error')
    out.push({ t: 'op', v: op })
    i += op.length
  }
  return out
}

/** Binding power of each binary operator, loosest first. */
const LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
]

export function evaluate(expr: string, vars: Map<string, string>): number {
  const toks = tokens(expr, vars)
  let pos = 0
  const peek = (): Tok | undefined => toks[pos]
  const isOp = (v: string): boolean => {
    const t = peek()
    return t?.t === 'op' && t.v === v
  }
  const binary = (level: number): number => {
    const ops = LEVELS[level]
    if (ops === undefined) return power()
    let left = binary(level + 1)
    for (let t = peek(); t?.t === 'op' && ops.includes(t.v); t = peek()) {
      pos++
      const right = binary(level + 1)
      left = apply(t.v, left, right)
    }
    return left
  }
  const power = (): number => {
    const base = unary()
    if (isOp('**')) {
      pos++
      const exp = power()
      if (exp < 0) throw new ArithmeticError('exponent less than 0')
      return Math.trunc(base ** exp)
    }
    return base
  }
  const unary = (): number => {
    if (isOp('-')) {
      pos++
      return -unary()
    }
    if (isOp('+')) {
      pos++
      return unary()
    }
    if (isOp('!')) {
      pos++
      return unary() === 0 ? 1 : 0
    }
    const t = peek()
    if (t?.t === 'num') {
      pos++
      return t.v
    }
    if (isOp('(')) {
      pos++
      const v = binary(0)
      if (!isOp(')')) throw new ArithmeticError('arithmetic syntax error')
      pos++
      return v
    }
    throw new ArithmeticError('arithmetic syntax error')
  }
  if (toks.length === 0) return 0
  const value = binary(0)
  if (pos !== toks.length) throw new ArithmeticError('arithmetic syntax error')
  return value
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
    case '%':
      if (b === 0) throw new ArithmeticError('divide by zero')
      return op === '/' ? Math.trunc(a / b) : a % b
    case '<':
      return a < b ? 1 : 0
    case '<=':
      return a <= b ? 1 : 0
    case '>':
      return a > b ? 1 : 0
    case '>=':
      return a >= b ? 1 : 0
    case '==':
      return a === b ? 1 : 0
    case '!=':
      return a !== b ? 1 : 0
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0
    default:
      return a !== 0 || b !== 0 ? 1 : 0
  }
}
