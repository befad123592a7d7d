import { readInput } from '../input.ts'
import type { CommandIO, Program, ShellContext } from '../program.ts'
import { processList } from './ps.ts'

/** busybox top's refresh interval: 5 seconds unless `-d` says otherwise. */
export const TOP_INTERVAL_MS = 5000

/**
 * busybox `top` on a terminal: raw mode, a full-screen repaint every interval and on SIGWINCH,
 * lines cut to the terminal's width; `q` or Ctrl-C quits. A 0×0 terminal (never resized) counts
 * as 80×24, busybox's fallback. The process list is the one `ps` shows (PID 1 the container's
 * command). Without a terminal it runs quietly until stopped (busybox would also print a screen
 * every interval into the log; not modelled).
 * @see busybox procps/top.c at 1_25_1
 */
export function* top(args: string[], io: CommandIO): Program {
  const { ctx } = io
  const tty = ctx.terminal
  if (tty === null || ctx.stdin === 'closed') {
    yield { kind: 'forever' }
    return 0
  }
  const d = args.indexOf('-d')
  const seconds = d >= 0 ? Number(args[d + 1]) : Number.NaN
  const interval = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : TOP_INTERVAL_MS
  yield { kind: 'tty', raw: true }
  try {
    for (let frame = 0; ; frame++) {
      yield { kind: 'out', stream: 1, text: topScreen(ctx, tty.rows || 24, tty.cols || 80, frame) }
      const r = yield* readInput(io, interval)
      if (r.kind === 'eof') break
      if (r.kind === 'data' && (/[qQ]/.test(r.text) || r.text.includes('\x03'))) break
    }
  } catch (e) {
    // Leave the terminal as it was before re-throwing (Ctrl-C with ISIG off never comes here).
    yield { kind: 'tty', raw: false }
    throw e
  }
  yield { kind: 'tty', raw: false }
  yield { kind: 'out', stream: 1, text: '\n' }
  return 0
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const SGR = /\x1b\[[0-9;]*m/g

function topScreen(ctx: ShellContext, rows: number, cols: number, frame: number): string {
  const used = 1937420 + ((frame * 4096) % 65536)
  const procs = processList(ctx, 'top')
  const lines = [
    `Mem: ${used}K used, ${2036712 - used}K free, 15856K shrd, 98236K buff, 1193884K cached`,
    'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq',
    `Load average: 0.00 0.01 0.05 2/196 ${procs[procs.length - 1]?.pid ?? 1}`,
    '\x1b[7m  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\x1b[0m',
    ...procs.map(
      (p, i) =>
        `${String(p.pid).padStart(5)} ${String(i === 0 ? 0 : (procs[i - 1]?.pid ?? 1)).padStart(5)} root     ${i === procs.length - 1 ? 'R' : 'S'}     1252   0%   0   0% ${p.command}`,
    ),
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
