import { untyped } from './errors.ts'

/**
 * Linux signal names → numbers, as pkg/signal's SignalMap (names without the SIG prefix).
 * @see moby pkg/signal/signal.go, pkg/signal/signal_linux.go at v1.12.6
 */
const BASE: Array<[string, number]> = [
  ['ABRT', 6],
  ['ALRM', 14],
  ['BUS', 7],
  ['CHLD', 17],
  ['CLD', 17],
  ['CONT', 18],
  ['FPE', 8],
  ['HUP', 1],
  ['ILL', 4],
  ['INT', 2],
  ['IO', 29],
  ['IOT', 6],
  ['KILL', 9],
  ['PIPE', 13],
  ['POLL', 29],
  ['PROF', 27],
  ['PWR', 30],
  ['QUIT', 3],
  ['SEGV', 11],
  ['STKFLT', 16],
  ['STOP', 19],
  ['SYS', 31],
  ['TERM', 15],
  ['TRAP', 5],
  ['TSTP', 20],
  ['TTIN', 21],
  ['TTOU', 22],
  ['UNUSED', 31],
  ['URG', 23],
  ['USR1', 10],
  ['USR2', 12],
  ['VTALRM', 26],
  ['WINCH', 28],
  ['XCPU', 24],
  ['XFSZ', 25],
]

export const SIGNALS: ReadonlyMap<string, number> = new Map([
  ...BASE,
  ['RTMIN', 34],
  ...Array.from({ length: 15 }, (_, i): [string, number] => [`RTMIN+${i + 1}`, 34 + i + 1]),
  ...Array.from({ length: 14 }, (_, i): [string, number] => [`RTMAX-${14 - i}`, 64 - (14 - i)]),
  ['RTMAX', 64],
])

const VALID_NUMBERS = new Set(SIGNALS.values())

/** `signal.ParseSignal`: a number (not 0) or a name with or without SIG. */
export function parseSignal(raw: string): number {
  if (/^[+-]?\d+$/.test(raw)) {
    const n = Number.parseInt(raw, 10)
    if (n === 0) throw untyped(`Invalid signal: ${raw}`)
    return n
  }
  const name = raw.toUpperCase().replace(/^SIG/, '')
  const n = SIGNALS.get(name)
  if (n === undefined) throw untyped(`Invalid signal: ${raw}`)
  return n
}

/** `signal.ValidSignalForPlatform` */
export const validSignal = (n: number): boolean => VALID_NUMBERS.has(n)

/** Signals that end a process that does not trap them (everything but the harmless ones). */
export function terminates(sig: number): boolean {
  return ![17, 18, 19, 20, 21, 22, 23, 28].includes(sig)
}
