import type { CommandIO, Program } from '../program.ts'

/**
 * Commands about the process's terminal: `stty`, `tty`, `clear`. A pty's size is what the
 * client last set (POST …/resize), 0×0 before that, as on Linux.
 * @see busybox coreutils/stty.c, tty.c, console-tools/clear.c at 1_25_1
 */

export function* stty(args: string[], { ctx, out }: CommandIO): Program {
  const tty = ctx.terminal
  if (tty === null) {
    yield { kind: 'out', stream: 2, text: 'stty: standard input: Not a tty\n' }
    return 1
  }
  if (args[0] === 'size') {
    yield { kind: 'out', stream: out, text: `${tty.rows} ${tty.cols}\n` }
    return 0
  }
  if (args.length === 0 || args[0] === '-a') {
    yield {
      kind: 'out',
      stream: out,
      text:
        `speed 38400 baud; rows ${tty.rows}; columns ${tty.cols}; line = 0;\n` +
        'intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; werase = ^W\n' +
        'icrnl onlcr isig icanon echo echoe echok echoctl\n',
    }
    return 0
  }
  yield {
    kind: 'out',
    stream: 2,
    text: `stty: setting modes (${args.join(' ')}) is not modelled by this simulated shell\n`,
  }
  return 1
}

export function* tty(_args: string[], { ctx, out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: ctx.terminal === null ? 'not a tty\n' : '/dev/pts/0\n' }
  return ctx.terminal === null ? 1 : 0
}

export function* clear(_args: string[], { out }: CommandIO): Program {
  yield { kind: 'out', stream: out, text: '\x1b[H\x1b[J' }
  return 0
}
