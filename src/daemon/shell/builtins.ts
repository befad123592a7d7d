import type { ReadResult, Run, Step } from './program.ts'

/**
 * Commands that need the process's stdin, terminal or working directory: `cat` and `read` on
 * stdin, `stty`, `tty`, `top` on the terminal, `cd`/`pwd`. They behave as busybox 1.25's did
 * (the busybox image of Docker 1.12's day). Returns null for any other command.
 */
export function* interactiveCommand(
  name: string,
  args: string[],
  out: 1 | 2,
  run: Run,
): Generator<Step, number | null, ReadResult | undefined> {
  const { ctx } = run
  switch (name) {
    case 'cat': {
      const files = args.filter((a) => a !== '-')
      if (files.length > 0 || ctx.stdin === undefined) return null
      if (!ctx.stdin) return 0
      for (;;) {
        const r = yield { kind: 'read' }
        if (r === undefined || r.kind === 'eof') return 0
        if (r.kind === 'data') yield { kind: 'out', stream: out, text: r.text }
      }
    }
    case 'grep':
    case 'wc':
    case 'head':
    case 'sort': {
      const filtered = yield* textFilter(name, args, run)
      if (filtered === null) return null
      if (filtered.stderr !== '') yield { kind: 'out', stream: 2, text: filtered.stderr }
      if (filtered.stdout !== '') yield { kind: 'out', stream: out, text: filtered.stdout }
      return filtered.status
    }
    case 'export': {
      // `export A=1 B`: the assignments take effect; marking a name for children is implicit
      // here, where every variable reaches the commands the shell runs.
      for (const arg of args) {
        const eq = arg.indexOf('=')
        if (eq > 0) ctx.vars.set(arg.slice(0, eq), arg.slice(eq + 1))
      }
      if (args.length === 0)
        for (const [key, value] of ctx.vars)
          yield { kind: 'out', stream: out, text: `export ${key}='${value}'\n` }
      return 0
    }
    case 'read': {
      if (ctx.stdin === undefined) return null
      if (!ctx.stdin) return 1
      const r = yield { kind: 'read' }
      if (r === undefined || r.kind !== 'data') return 1
      const names = args.filter((a) => !a.startsWith('-'))
      const fields = r.text.replace(/\n$/, '').trim().split(/\s+/)
      names.forEach((n, i) => {
        const value = i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')
        ctx.vars.set(n, value)
      })
      if (names.length === 0) ctx.vars.set('REPLY', r.text.replace(/\n$/, ''))
      return 0
    }
    case 'stty': {
      if (ctx.tty === undefined) return null
      if (ctx.tty === null) {
        yield { kind: 'out', stream: 2, text: 'stty: standard input: Not a tty\n' }
        return 1
      }
      if (args[0] === 'size') {
        yield { kind: 'out', stream: out, text: `${ctx.tty.rows} ${ctx.tty.cols}\n` }
        return 0
      }
      if (args.length === 0 || args[0] === '-a') {
        yield {
          kind: 'out',
          stream: out,
          text:
            `speed 38400 baud; rows ${ctx.tty.rows}; columns ${ctx.tty.cols}; line = 0;\n` +
            'intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; werase = ^W\n' +
            'icrnl onlcr isig icanon echo echoe echok echoctl\n',
        }
      }
      // Setting modes (`stty raw`, `stty -echo`) is accepted and not modelled.
      return 0
    }
    case 'tty':
      if (ctx.tty === undefined) return null
      yield ctx.tty === null
        ? { kind: 'out', stream: out, text: 'not a tty\n' }
        : { kind: 'out', stream: out, text: '/dev/pts/0\n' }
      return ctx.tty === null ? 1 : 0
    case 'ls': {
      // On a terminal busybox lists in columns that fit its width: a resize is visible here.
      if (ctx.tty == null || ctx.listDir === undefined) return null
      if (args.some((a) => a.startsWith('-'))) return null
      let status = 0
      const paths = args.length === 0 ? [ctx.cwd?.path ?? '/'] : args
      for (const [i, p] of paths.entries()) {
        const entries = ctx.listDir(resolvePath(ctx.cwd?.path ?? '/', p))
        if (entries === null) {
          yield { kind: 'out', stream: 2, text: `ls: ${p}: No such file or directory\n` }
          status = 1
          continue
        }
        const heading = paths.length > 1 ? `${i > 0 ? '\n' : ''}${p}:\n` : ''
        yield { kind: 'out', stream: out, text: heading + columns(entries, ctx.tty.cols || 80) }
      }
      return status
    }
    case 'clear':
      if (ctx.tty === undefined) return null
      yield { kind: 'out', stream: out, text: '\x1b[H\x1b[J' }
      return 0
    case 'top':
      if (ctx.tty == null || ctx.stdin !== true) return null
      return yield* top(run, args)
    case 'cd': {
      if (ctx.cwd === undefined) return null
      const target = resolvePath(ctx.cwd.path, args[0] ?? ctx.vars.get('HOME') ?? '/')
      if (ctx.isDir !== undefined && !ctx.isDir(target)) {
        yield {
          kind: 'out',
          stream: 2,
          text: `sh: cd: can't cd to ${args[0] ?? ''}: No such file or directory\n`,
        }
        return 2
      }
      ctx.cwd.path = target
      ctx.vars.set('PWD', target)
      return 0
    }
    case 'pwd':
      if (ctx.cwd === undefined) return null
      yield { kind: 'out', stream: out, text: `${ctx.cwd.path}\n` }
      return 0
    default:
      return null
  }
}

/** busybox ls -C: names down the columns, as many columns as the width holds, two spaces apart. */
export function columns(names: string[], width: number): string {
  if (names.length === 0) return ''
  const colWidth = Math.max(...names.map((n) => n.length)) + 2
  const cols = Math.max(1, Math.floor((width + 2) / colWidth))
  const rows = Math.ceil(names.length / cols)
  let out = ''
  for (let r = 0; r < rows; r++) {
    const line: string[] = []
    for (let c = 0; c < cols; c++) {
      const name = names[c * rows + r]
      if (name !== undefined) line.push(name)
    }
    out += `${line.map((n, i) => (i === line.length - 1 ? n : n.padEnd(colWidth))).join('')}\n`
  }
  return out
}

/** `a/b/../c` against `cwd`, kept inside `/` as the kernel does. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = []
  for (const seg of `${path.startsWith('/') ? '' : cwd}/${path}`.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}

/** busybox top's refresh interval: 5 seconds unless `-d` says otherwise. */
export const TOP_INTERVAL_MS = 5000

/**
 * busybox `top`: raw mode, a full-screen repaint every interval and on SIGWINCH, lines cut to
 * the terminal's width; `q` or Ctrl-C quits. A 0×0 terminal (never resized) counts as 80×24,
 * busybox's fallback.
 */
function* top(run: Run, args: string[]): Generator<Step, number, ReadResult | undefined> {
  const tty = run.ctx.tty
  if (tty == null) return 1
  const d = args.indexOf('-d')
  const seconds = d >= 0 ? Number(args[d + 1]) : Number.NaN
  const interval = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : TOP_INTERVAL_MS
  yield { kind: 'tty', raw: true }
  let code = 0
  try {
    for (let frame = 0; ; frame++) {
      yield { kind: 'out', stream: 1, text: topScreen(tty.rows || 24, tty.cols || 80, frame) }
      const r = yield { kind: 'read', timeoutMs: interval }
      if (r === undefined || r.kind === 'eof') break
      if (r.kind === 'data' && (/[qQ]/.test(r.text) || r.text.includes('\x03'))) break
    }
  } catch (e) {
    code = 130
    // Leave the terminal as it was before re-throwing (Ctrl-C with ISIG off never comes here).
    yield { kind: 'tty', raw: false }
    throw e
  }
  yield { kind: 'tty', raw: false }
  yield { kind: 'out', stream: 1, text: '\n' }
  return code
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const SGR = /\x1b\[[0-9;]*m/g

function topScreen(rows: number, cols: number, frame: number): string {
  const used = 1937420 + ((frame * 4096) % 65536)
  const lines = [
    `Mem: ${used}K used, ${2036712 - used}K free, 15856K shrd, 98236K buff, 1193884K cached`,
    'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq',
    `Load average: 0.00 0.01 0.05 2/196 ${7 + frame}`,
    '\x1b[7m  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\x1b[0m',
    '    1     0 root     S     1252   0%   0   0% sh',
    '    7     1 root     R     1244   0%   1   0% top',
  ]
  const cut = (l: string) => {
    // Count only printable columns: the SGR codes of the header take no room.
    const plain = l.replace(SGR, '')
    return plain.length <= cols - 1 ? l : plain.slice(0, Math.max(0, cols - 1))
  }
  return `\x1b[H\x1b[J${lines
    .slice(0, Math.max(1, rows - 1))
    .map(cut)
    .join('\n')}`
}

/** All of stdin up to end of file (nothing without an open stdin). */
function* readAll(run: Run): Generator<Step, string, ReadResult | undefined> {
  if (run.ctx.stdin !== true) return ''
  let text = ''
  for (;;) {
    const r = yield { kind: 'read' }
    if (r === undefined || r.kind === 'eof') return text
    if (r.kind === 'data') text += r.text
  }
}

type Filtered = { stdout: string; stderr: string; status: number }

/**
 * busybox's `grep [-v] [-i] [-c] PATTERN`, `wc [-l|-w|-c]`, `head [-n N]` and `sort [-r]` on
 * stdin or on one file: what a first session pipes into (`ps | grep sh`, `env | sort`).
 * Patterns are plain text (no regular expressions). Null when the command is used in a way
 * this does not model, so it is reported as not found rather than answered wrongly.
 */
function* textFilter(
  name: string,
  args: string[],
  run: Run,
): Generator<Step, Filtered | null, ReadResult | undefined> {
  const flags = args.filter((a) => /^-[a-z]+$/.test(a)).join('')
  const operands = args.filter((a) => !/^-[a-z]+$/.test(a))
  let count = 10
  if (name === 'head') {
    const n = args.indexOf('-n')
    const value = n >= 0 ? args[n + 1] : args.find((a) => /^-\d+$/.test(a))?.slice(1)
    if (value !== undefined) count = Number(value)
    if (!Number.isInteger(count) || count < 0) return null
    if (n >= 0) operands.splice(operands.indexOf(args[n + 1] ?? ''), 1)
    else if (value !== undefined) operands.splice(operands.indexOf(`-${value}`), 1)
  }
  const pattern = name === 'grep' ? operands.shift() : undefined
  if (name === 'grep' && pattern === undefined) {
    return {
      stdout: '',
      stderr: 'BusyBox v1.25.1 multi-call binary.\n\nUsage: grep [-v] PATTERN [FILE]\n',
      status: 2,
    }
  }
  if (operands.length > 1) return null
  let text: string
  const file = operands[0]
  if (file === undefined || file === '-') text = yield* readAll(run)
  else {
    const content = run.ctx.readFile?.(file) ?? null
    if (content === null) {
      return {
        stdout: '',
        stderr: `${name}: ${file}: No such file or directory\n`,
        status: name === 'grep' ? 2 : 1,
      }
    }
    text = content
  }
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n')
  switch (name) {
    case 'grep': {
      const needle = flags.includes('i') ? (pattern ?? '').toLowerCase() : (pattern ?? '')
      const hit = (l: string) =>
        (flags.includes('i') ? l.toLowerCase() : l).includes(needle) !== flags.includes('v')
      const hits = lines.filter(hit)
      const stdout = flags.includes('c') ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join('')
      return { stdout, stderr: '', status: hits.length > 0 ? 0 : 1 }
    }
    case 'wc': {
      const counts = {
        l: (text.match(/\n/g) ?? []).length,
        w: text.split(/\s+/).filter((w) => w !== '').length,
        c: new TextEncoder().encode(text).byteLength,
      }
      const chosen = (['l', 'w', 'c'] as const).filter((f) => flags.includes(f))
      const shown = chosen.length === 0 ? (['l', 'w', 'c'] as const) : chosen
      const cols = shown.map((f) => String(counts[f]).padStart(chosen.length === 1 ? 0 : 7))
      return {
        stdout: `${cols.join(' ')}${file === undefined ? '' : ` ${file}`}\n`,
        stderr: '',
        status: 0,
      }
    }
    case 'head':
      return {
        stdout: lines
          .slice(0, count)
          .map((l) => `${l}\n`)
          .join(''),
        stderr: '',
        status: 0,
      }
    default: {
      const sorted = [...lines].sort()
      if (flags.includes('r')) sorted.reverse()
      return { stdout: sorted.map((l) => `${l}\n`).join(''), stderr: '', status: 0 }
    }
  }
}
