import { KERNEL_RELEASE } from '../../model/simulated-host.ts'
import { readInput } from '../input.ts'
import { type CommandIO, exitStatus, type Program } from '../program.ts'
import { SLICE_MS } from '../run.ts'

/**
 * The small applets: output from the arguments, the environment or the host, as busybox 1.25.1
 * prints it (the busybox image of Docker 1.12's day).
 * @see busybox coreutils/echo.c, printf.c, sleep.c, yes.c, date.c, uname.c at 1_25_1
 */

const USAGE = 'BusyBox v1.25.1 (2016-10-26 16:15:20 UTC) multi-call binary.\n\n'

/** `\n`, `\t`, `\\` … as echo -e and printf's format read them; `\c` stops the output. */
function escapes(text: string): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== '\\' || i + 1 >= text.length) {
      out += c
      continue
    }
    const n = text[++i]
    const map: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      '\\': '\\',
    }
    if (n === 'c') return { text: out, stop: true }
    if (n !== undefined && map[n] !== undefined) out += map[n]
    else if (n === '0') {
      const oct = /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? ''
      out += String.fromCharCode(Number.parseInt(oct || '0', 8))
      i += oct.length
    } else out += `\\${n}`
  }
  return { text: out, stop: false }
}

export function* echo(args: string[], { out }: CommandIO): Program {
  let newline = true
  let interpret = false
  let i = 0
  // Leading option words made only of n, e, E; anything else is text (`echo -x` prints -x).
  for (; i < args.length && /^-[neE]+$/.test(args[i] ?? ''); i++) {
    for (const f of (args[i] ?? '').slice(1)) {
      if (f === 'n') newline = false
      else interpret = f === 'e'
    }
  }
  let text = args.slice(i).join(' ')
  if (interpret) {
    const e = escapes(text)
    text = e.text
    if (e.stop) newline = false
  }
  yield { kind: 'out', stream: out, text: newline ? `${text}\n` : text }
  return 0
}

/** `printf FORMAT ARG…`: %s %d %i %x %o %c %%, escapes; the format repeats while arguments remain. */
export function* printf(args: string[], { out }: CommandIO): Program {
  const [format, ...rest] = args
  if (format === undefined) {
    yield { kind: 'out', stream: 2, text: `${USAGE}Usage: printf FORMAT [ARG]...\n` }
    return 1
  }
  let errors = ''
  let text = ''
  let used = 0
  do {
    const start = used
    const line = format.replace(/%(-?\d*)([sdixoc%])/g, (_m, width: string, conv: string) => {
      if (conv === '%') return '%'
      const arg = rest[used++] ?? ''
      let s = arg
      if ('dixo'.includes(conv)) {
        const n = arg === '' ? 0 : Number(arg)
        const v = Number.isInteger(n) ? n : 0
        if (!Number.isInteger(n)) errors += `printf: invalid number '${arg}'\n`
        s = conv === 'x' ? v.toString(16) : conv === 'o' ? v.toString(8) : String(v)
      } else if (conv === 'c') s = arg.slice(0, 1)
      const w = Number(width)
      return w < 0 ? s.padEnd(-w) : s.padStart(w)
    })
    const e = escapes(line)
    text += e.text
    if (e.stop || used === start) break
  } while (used < rest.length)
  if (text !== '') yield { kind: 'out', stream: out, text }
  if (errors !== '') yield { kind: 'out', stream: 2, text: errors }
  return errors === '' ? 0 : 1
}

export const trueCommand = (): Program => exitStatus(0)

export const falseCommand = (): Program => exitStatus(1)

/** `sleep N[smhd]…`: the sum, on the daemon clock; `infinity` until stopped. */
export function* sleep(args: string[]): Program {
  if (args.length === 0) {
    yield { kind: 'out', stream: 2, text: `${USAGE}Usage: sleep [N]...\n` }
    return 1
  }
  let ms = 0
  for (const arg of args) {
    if (arg === 'inf' || arg === 'infinity') {
      yield { kind: 'forever' }
      return 0
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
    if (m === null) {
      yield { kind: 'out', stream: 2, text: `sleep: invalid number '${arg}'\n` }
      return 1
    }
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1
    ms += Number(m[1]) * unit * 1000
  }
  if (ms > 0) yield { kind: 'sleep', ms: Math.round(ms) }
  return 0
}

/** What `yes` writes per time slice: one stdio buffer's worth of lines. */
const YES_CHUNK = 4096

/**
 * `yes [STRING]`: its line, over and over. A real `yes` writes as fast as the pipe drains; here
 * it writes one 4 KiB buffer per time slice of the daemon clock (40 KiB per simulated second),
 * so it streams without end and the daemon keeps serving everyone else.
 */
export function* yes(args: string[], { out }: CommandIO): Program {
  const line = `${args.length === 0 ? 'y' : args.join(' ')}\n`
  const chunk = line.repeat(Math.max(1, Math.floor(YES_CHUNK / line.length)))
  for (;;) {
    yield { kind: 'out', stream: out, text: chunk }
    yield { kind: 'sleep', ms: SLICE_MS }
  }
}

export function* env(_args: string[], { ctx, out }: CommandIO): Program {
  let text = ''
  for (const [key, value] of ctx.vars) if (ctx.exported.has(key)) text += `${key}=${value}\n`
  yield { kind: 'out', stream: out, text }
  return 0
}

export function* hostname(_args: string[], { ctx, out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: `${ctx.process.hostname}\n` }
  return 0
}

export function* whoami(_args: string[], { out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: 'root\n' }
  return 0
}

export function* id(_args: string[], { out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: 'uid=0(root) gid=0(root) groups=10(wheel)\n' }
  return 0
}

/** busybox `uname [-snrma]`; -a without the kernel's build string (#78-Ubuntu SMP …). */
export function* uname(args: string[], { ctx, out }: CommandIO): Program {
  const flags = args.join('').replace(/-/g, '')
  const host = ctx.process.hostname
  let text: string
  if (flags.includes('a')) text = `Linux ${host} ${KERNEL_RELEASE} x86_64 GNU/Linux`
  else {
    const parts: string[] = []
    if (flags.includes('s') || flags === '') parts.push('Linux')
    if (flags.includes('n')) parts.push(host)
    if (flags.includes('r')) parts.push(KERNEL_RELEASE)
    if (flags.includes('m')) parts.push('x86_64')
    text = parts.join(' ')
  }
  yield { kind: 'out', stream: out, text: `${text}\n` }
  return 0
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number) => String(n).padStart(2, '0')

/** strftime's common conversions, in UTC (the container's TZ is unset). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms)
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  const conv = (c: string): string | undefined => {
    switch (c) {
      case 'a':
        return DAYS[d.getUTCDay()]
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()]
      case 'd':
        return two(d.getUTCDate())
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ')
      case 'm':
        return two(d.getUTCMonth() + 1)
      case 'Y':
        return String(d.getUTCFullYear())
      case 'y':
        return two(d.getUTCFullYear() % 100)
      case 'H':
        return two(d.getUTCHours())
      case 'M':
        return two(d.getUTCMinutes())
      case 'S':
        return two(d.getUTCSeconds())
      case 's':
        return String(Math.floor(ms / 1000))
      case 'Z':
        return 'UTC'
      case 'z':
        return '+0000'
      case 'T':
        return hms
      case 'F':
        return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`
      case 'D':
        return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case '%':
        return '%'
      default:
        return undefined
    }
  }
  return format.replace(/%(.)/g, (m, c: string) => conv(c) ?? m)
}

/** `date [-u] [+FORMAT]`: the daemon clock (so it agrees with the API's timestamps), in UTC. */
export function* date(args: string[], { ctx, out }: CommandIO): Program {
  const format = args.find((a) => a.startsWith('+'))
  const other = args.find((a) => !a.startsWith('+') && a !== '-u' && a !== '-R')
  if (other !== undefined) {
    yield {
      kind: 'out',
      stream: 2,
      text: `date: ${other} is not modelled by this simulated shell\n`,
    }
    return 1
  }
  const text = args.includes('-R')
    ? strftime('%a, %d %b %Y %H:%M:%S +0000', ctx.process.now())
    : strftime(format?.slice(1) ?? '%a %b %e %H:%M:%S %Z %Y', ctx.process.now())
  yield { kind: 'out', stream: out, text: `${text}\n` }
  return 0
}

/** `which NAME…`: where the table's commands live in the image (/bin, as busybox installs them). */
export function* which(args: string[], { ctx, out }: CommandIO): Program {
  let status = 0
  for (const name of args) {
    if (name.startsWith('-')) continue
    if (ctx.commands(name).kind === 'not-found') status = 1
    else yield { kind: 'out', stream: out, text: `/bin/${name}\n` }
  }
  return args.length === 0 ? 1 : status
}

/** `nc`: no network is modelled; it reads its stdin to the end and exits, as a closed peer would. */
export function* nc(_args: string[], io: CommandIO): Program {
  for (;;) {
    const r = yield* readInput(io)
    if (r.kind === 'eof') return 0
  }
}

/** A server (nginx, redis-server, …): runs quietly until stopped; SIGTERM ends it cleanly. */
export function* server(): Program {
  yield { kind: 'forever' }
  return 0
}
