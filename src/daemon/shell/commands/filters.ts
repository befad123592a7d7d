import { resolvePath } from '../builtins.ts'
import { readAll, readInput } from '../input.ts'
import type { CommandIO, Program, ReadResult, Step } from '../program.ts'

/**
 * Text filters on stdin or a file — what a first session pipes into (`ps | grep sh`,
 * `env | sort`, `head -n1`): `grep`, `wc`, `head`, `tail`, `sort`.
 * @see busybox findutils/grep.c, coreutils/wc.c, head.c, tail.c, sort.c at 1_25_1
 */

/** Options parsed the getopt way: `-n1`, `-n 1`, `-vi`; `-NUM` for head/tail's count. */
function options(
  args: string[],
  withValue: string,
): { flags: Set<string>; values: Map<string, string>; operands: string[]; count?: string } {
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const operands: string[] = []
  let count: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (/^-\d+$/.test(a)) {
      count = a.slice(1)
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j] ?? ''
      if (withValue.includes(f)) {
        values.set(f, j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ''))
        break
      }
      flags.add(f)
    }
  }
  return { flags, values, operands, count }
}

/** The input of a filter: its one file operand, or stdin. Null (with a message) when missing. */
function* source(
  name: string,
  operands: string[],
  io: CommandIO,
): Generator<Step, { text: string } | { error: string }, ReadResult | undefined> {
  const file = operands[0]
  if (file === undefined || file === '-') return { text: yield* readAll(io) }
  const content = io.ctx.process.files.read(resolvePath(io.ctx.cwd.path, file))
  if (content === null) return { error: `${name}: ${file}: No such file or directory\n` }
  return { text: content }
}

/**
 * An option the command has in busybox but this model does not honour: said so, status 1,
 * rather than ignored (`sort -k2` silently sorting whole lines would be a wrong answer).
 */
export function* unmodelledOption(
  name: string,
  flags: Iterable<string>,
  modelled: string,
): Generator<Step, number | null, ReadResult | undefined> {
  for (const f of flags) {
    if (modelled.includes(f)) continue
    yield {
      kind: 'out',
      stream: 2,
      text: `${name}: option -${f} is not modelled by this simulated shell\n`,
    }
    return 1
  }
  return null
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'))
const joined = (ls: string[]) => ls.map((l) => `${l}\n`).join('')

function* tooManyFiles(name: string): Program {
  yield {
    kind: 'out',
    stream: 2,
    text: `${name}: more than one file is not modelled by this simulated shell\n`,
  }
  return 1
}

/**
 * grep's pattern as a JavaScript RegExp: a basic regular expression by default (`+ ? | ( ) { }`
 * are plain characters unless escaped), extended with `-E`, a fixed string with `-F`.
 */
function patternRegExp(pattern: string, flags: Set<string>): RegExp {
  const i = flags.has('i') ? 'i' : ''
  if (flags.has('F')) return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), i)
  if (flags.has('E')) return new RegExp(pattern, i)
  let re = ''
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k] ?? ''
    if (c === '\\' && k + 1 < pattern.length) {
      const n = pattern[++k] ?? ''
      re += '+?|(){}'.includes(n) ? n : `\\${n}`
    } else re += '+?|(){}'.includes(c) ? `\\${c}` : c
  }
  return new RegExp(re, i)
}

export function* grep(args: string[], io: CommandIO): Program {
  const { flags, values, operands } = options(args, 'e')
  const pattern = values.get('e') ?? operands.shift()
  if (pattern === undefined) {
    yield {
      kind: 'out',
      stream: 2,
      text: 'BusyBox v1.25.1 (2016-10-26 16:15:20 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsriwFE] [-m N] [-A/B/C N] PATTERN/-e PATTERN.../-f FILE [FILE]...\n',
    }
    return 2
  }
  const unsupported = [...flags].find((f) => !'vicnqFE'.includes(f))
  if (unsupported !== undefined) {
    yield {
      kind: 'out',
      stream: 2,
      text: `grep: option -${unsupported} is not modelled by this simulated shell\n`,
    }
    return 2
  }
  // A repeated group that repeats inside (`(a+)+`) can backtrack for minutes on one line: this
  // daemon is shared, so it is refused rather than run.
  if (/\([^)]*[*+}][^)]*\)[*+{]/.test(pattern.replace(/\\/g, ''))) {
    yield {
      kind: 'out',
      stream: 2,
      text: 'grep: nested repetition is not modelled by this simulated shell\n',
    }
    return 2
  }
  let re: RegExp
  try {
    re = patternRegExp(pattern, flags)
  } catch {
    yield { kind: 'out', stream: 2, text: `grep: bad regex '${pattern}'\n` }
    return 2
  }
  const files = operands.length === 0 ? ['-'] : operands
  let matched = 0
  let text = ''
  let errors = false
  for (const file of files) {
    const src = yield* source('grep', [file], io)
    if ('error' in src) {
      yield { kind: 'out', stream: 2, text: src.error }
      errors = true
      continue
    }
    const prefix = files.length > 1 ? `${file === '-' ? '(standard input)' : file}:` : ''
    let hits = 0
    for (const [n, l] of lines(src.text).entries()) {
      const hit = re.test(l) !== flags.has('v')
      if (!hit) continue
      hits++
      if (!flags.has('c')) text += `${prefix}${flags.has('n') ? `${n + 1}:` : ''}${l}\n`
    }
    if (flags.has('c')) text += `${prefix}${hits}\n`
    matched += hits
  }
  if (!flags.has('q') && text !== '') yield { kind: 'out', stream: io.out, text }
  if (errors && !(flags.has('q') && matched > 0)) return 2
  return matched > 0 ? 0 : 1
}

export function* wc(args: string[], io: CommandIO): Program {
  const { flags, operands } = options(args, '')
  const refused = yield* unmodelledOption('wc', flags, 'lwc')
  if (refused !== null) return refused
  if (operands.length > 1) return yield* tooManyFiles('wc')
  const src = yield* source('wc', operands, io)
  if ('error' in src) {
    yield { kind: 'out', stream: 2, text: src.error }
    return 1
  }
  const text = src.text
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter((w) => w !== '').length,
    c: new TextEncoder().encode(text).byteLength,
  }
  const chosen = (['l', 'w', 'c'] as const).filter((f) => flags.has(f))
  const shown = chosen.length === 0 ? (['l', 'w', 'c'] as const) : chosen
  const cols = shown.map((f) => String(counts[f]).padStart(chosen.length === 1 ? 0 : 7))
  const file = operands[0]
  yield {
    kind: 'out',
    stream: io.out,
    text: `${cols.join(' ')}${file === undefined ? '' : ` ${file}`}\n`,
  }
  return 0
}

/** head/tail's `-n N`, `-nN`, `-N`: the count, or an error message. */
function lineCount(name: string, value: string | undefined): number | string {
  if (value === undefined) return 10
  const n = Number(value.replace(/^\+/, ''))
  return Number.isInteger(n) && n >= 0 ? n : `${name}: invalid number '${value}'\n`
}

/**
 * `head [-n N] [FILE]`: the first N lines. On stdin it stops reading once it has them (a
 * `yes | head -n 3` ends), as busybox's head does.
 */
export function* head(args: string[], io: CommandIO): Program {
  const { flags, values, operands, count } = options(args, 'n')
  const refused = yield* unmodelledOption('head', flags, '')
  if (refused !== null) return refused
  const n = lineCount('head', values.get('n') ?? count)
  if (typeof n === 'string') {
    yield { kind: 'out', stream: 2, text: n }
    return 1
  }
  if (operands.length > 1) return yield* tooManyFiles('head')
  const file = operands[0]
  if (file !== undefined && file !== '-') {
    const src = yield* source('head', operands, io)
    if ('error' in src) {
      yield { kind: 'out', stream: 2, text: src.error }
      return 1
    }
    const text = joined(lines(src.text).slice(0, n))
    if (text !== '') yield { kind: 'out', stream: io.out, text }
    return 0
  }
  let left = n
  while (left > 0) {
    const r = yield* readInput(io)
    if (r.kind === 'eof') break
    if (r.kind !== 'data') continue
    let cut = 0
    while (left > 0 && cut < r.text.length) {
      const nl = r.text.indexOf('\n', cut)
      cut = nl < 0 ? r.text.length : nl + 1
      if (nl >= 0) left--
    }
    yield { kind: 'out', stream: io.out, text: r.text.slice(0, cut) }
  }
  return 0
}

/** `tail [-n [+]N] [-f] [FILE]`: the last N lines (from line N with +); `-f` then waits for more (none comes here). */
export function* tail(args: string[], io: CommandIO): Program {
  const { flags, values, operands, count } = options(args, 'n')
  const refused = yield* unmodelledOption('tail', flags, 'f')
  if (refused !== null) return refused
  const n = lineCount('tail', values.get('n') ?? count)
  if (typeof n === 'string') {
    yield { kind: 'out', stream: 2, text: n }
    return 1
  }
  if (operands.length > 1) return yield* tooManyFiles('tail')
  const src = yield* source('tail', operands, io)
  if ('error' in src) {
    yield { kind: 'out', stream: 2, text: src.error }
    return 1
  }
  const all = lines(src.text)
  // `-n +N`: from line N on; `-n N`: the last N.
  const fromStart = (values.get('n') ?? count ?? '').startsWith('+')
  const text = joined(fromStart ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n))
  if (text !== '') yield { kind: 'out', stream: io.out, text }
  if (flags.has('f')) yield { kind: 'forever' }
  return 0
}

export function* sort(args: string[], io: CommandIO): Program {
  const { flags, operands } = options(args, '')
  const refused = yield* unmodelledOption('sort', flags, 'rnu')
  if (refused !== null) return refused
  if (operands.length > 1) return yield* tooManyFiles('sort')
  const src = yield* source('sort', operands, io)
  if ('error' in src) {
    yield { kind: 'out', stream: 2, text: src.error }
    return 1
  }
  let sorted = lines(src.text)
  sorted = flags.has('n')
    ? sorted.sort((a, b) => (Number.parseFloat(a) || 0) - (Number.parseFloat(b) || 0))
    : sorted.sort()
  if (flags.has('r')) sorted.reverse()
  if (flags.has('u')) sorted = sorted.filter((l, i) => i === 0 || l !== sorted[i - 1])
  if (sorted.length > 0) yield { kind: 'out', stream: io.out, text: joined(sorted) }
  return 0
}
