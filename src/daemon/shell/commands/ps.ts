import type { CommandIO, Program, ShellContext } from '../program.ts'

/**
 * The processes a command in the container sees (`ps`, `top`): PID 1 is the container's
 * command; an exec'd process, the shell that runs the command, and the command itself come
 * after it (the PIDs past 1 are illustrative).
 */
export function processList(
  ctx: ShellContext,
  self: string,
): Array<{ pid: number; command: string }> {
  const commands: string[] = []
  const { argv, containerCommand } = ctx.process
  if (containerCommand !== undefined) commands.push(containerCommand.join(' '))
  const first = argv[0] ?? ''
  if (/(^|\/)(sh|ash|bash|dash)$/.test(first)) commands.push(argv.join(' '))
  commands.push(self)
  return commands.map((command, i) => ({ pid: i === 0 ? 1 : 1 + 6 * i, command }))
}

/** busybox `ps`: PID, USER, TIME, COMMAND. */
export function* ps(args: string[], { ctx, out }: CommandIO): Program {
  const rows = processList(ctx, ['ps', ...args].join(' ')).map(
    (p) => `${String(p.pid).padStart(5)} root       0:00 ${p.command}\n`,
  )
  yield { kind: 'out', stream: out, text: `PID   USER     TIME   COMMAND\n${rows.join('')}` }
  return 0
}
