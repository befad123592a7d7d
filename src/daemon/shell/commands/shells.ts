import { resolvePath } from '../builtins.ts'
import { shellSession } from '../interactive.ts'
import { ParseError, parse } from '../parse.ts'
import type { CommandIO, CommandProgram, Program, ShellContext } from '../program.ts'
import { runScript } from '../run.ts'

/**
 * `sh` (busybox ash, also as `ash`), `bash` (the ubuntu/debian images' shell: the same
 * interpreter with bash's prompt and its `command not found`), `dash`:
 * - `sh -c SCRIPT`: parsed and run; what the parser does not support (`&`, `$(…)`, `> file`) is
 *   said plainly on stderr, status 2 — never run wrongly;
 * - `sh FILE`: the file's commands;
 * - `sh` (or `sh -i`): commands from stdin, interactive with a prompt on a terminal.
 * A shell started from a shell gets a copy of its variables and working directory.
 */
export function shell(name: 'sh' | 'bash'): CommandProgram {
  return function* (args: string[], io: CommandIO): Program {
    const ctx: ShellContext = {
      ...io.ctx,
      // A child shell gets the environment only, as exec would hand it over; `$?` starts at 0.
      vars: new Map([...io.ctx.vars.entries()].filter(([k]) => io.ctx.exported.has(k))).set(
        '?',
        '0',
      ),
      exported: new Set(io.ctx.exported),
      cwd: { path: io.ctx.cwd.path },
    }
    const c = args.indexOf('-c')
    if (c >= 0) {
      const source = args[c + 1]
      if (source === undefined) {
        yield { kind: 'out', stream: 2, text: `${name}: -c requires an argument\n` }
        return 2
      }
      // `sh -c SCRIPT NAME ARG…`: NAME is $0, the rest $1…
      positional(ctx, args[c + 2] ?? name, args.slice(c + 3))
      return yield* script(name, source, ctx)
    }
    const file = args.find((a) => !a.startsWith('-'))
    if (file !== undefined) {
      const source = ctx.process.files.read(resolvePath(ctx.cwd.path, file))
      if (source === null) {
        yield {
          kind: 'out',
          stream: 2,
          text: `${name}: can't open '${file}': No such file or directory\n`,
        }
        return name === 'bash' ? 127 : 2
      }
      positional(ctx, file, args.slice(args.indexOf(file) + 1))
      return yield* script(name, source, ctx)
    }
    positional(ctx, name, [])
    const interactive = ctx.terminal !== null || args.includes('-i')
    return yield* shellSession(ctx, { interactive, shell: name })
  }
}

function positional(ctx: ShellContext, zero: string, rest: string[]): void {
  ctx.vars.set('0', zero)
  for (const [i, value] of rest.entries()) ctx.vars.set(String(i + 1), value)
  ctx.vars.set('#', String(rest.length))
}

function* script(name: 'sh' | 'bash', source: string, ctx: ShellContext): Program {
  let list: ReturnType<typeof parse>
  try {
    list = parse(source)
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    yield { kind: 'out', stream: 2, text: `${name}: ${e.message}\n` }
    return 2
  }
  return yield* runScript(list, { ctx, shell: name, busy: 0 })
}
