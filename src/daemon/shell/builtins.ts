import { readLine } from './input.ts'
import { type CommandIO, exitStatus, type Program } from './program.ts'

/**
 * The shell's own builtins: the commands that change the shell's state (its variables, its
 * working directory, whether it goes on), which no program it starts could do. Everything else
 * — `echo`, `test`, `pwd`, `cat` … — is in the one command table (commands/table.ts), the same
 * for a container's command, `sh -c` and an interactive shell.
 * @see busybox shell/ash.c at 1_25_1 (cdcmd, exportcmd, unsetcmd, readcmd, exitcmd)
 */

/** `exit N`: unwinds to the shell's top level. */
export class Exit {
  constructor(readonly code: number) {}
}

type Builtin = (args: string[], io: CommandIO) => Program

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': () => exitStatus(0),
  cd,
  export: exportVars,
  unset,
  read,
  exit,
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

function* cd(args: string[], { ctx }: CommandIO): Program {
  const arg = args[0] === '-' ? (ctx.vars.get('OLDPWD') ?? ctx.cwd.path) : args[0]
  const target = resolvePath(ctx.cwd.path, arg ?? ctx.vars.get('HOME') ?? '/')
  if (ctx.process.files.stat(target)?.dir !== true) {
    yield {
      kind: 'out',
      stream: 2,
      text: `sh: cd: can't cd to ${arg ?? ''}: No such file or directory\n`,
    }
    return 2
  }
  ctx.vars.set('OLDPWD', ctx.cwd.path)
  ctx.cwd.path = target
  ctx.vars.set('PWD', target)
  return 0
}

/** `export A=1 B`: the assignments take effect and the names reach `env`; alone, the list. */
function* exportVars(args: string[], { ctx, out }: CommandIO): Program {
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (eq > 0) ctx.vars.set(name, arg.slice(eq + 1))
    ctx.exported.add(name)
  }
  if (args.length === 0) {
    for (const [key, value] of ctx.vars) {
      if (ctx.exported.has(key))
        yield { kind: 'out', stream: out, text: `export ${key}='${value}'\n` }
    }
  }
  return 0
}

function unset(args: string[], { ctx }: CommandIO): Program {
  for (const name of args) {
    if (name.startsWith('-')) continue
    ctx.vars.delete(name)
    ctx.exported.delete(name)
  }
  return exitStatus(0)
}

/**
 * `read [-r] [-p PROMPT] NAME…`: one line of stdin, split on blanks, the last name taking the
 * rest (REPLY without names); status 1 at end of file. What follows the line stays unread.
 */
function* read(args: string[], io: CommandIO): Program {
  const { ctx } = io
  const names: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '-p') {
      yield { kind: 'out', stream: 2, text: args[++i] ?? '' }
    } else if (!a.startsWith('-')) names.push(a)
  }
  const line = yield* readLine(io)
  if (line === null) return 1
  if (names.length === 0) {
    ctx.vars.set('REPLY', line)
    return 0
  }
  const fields = line.trim().split(/[ \t]+/)
  names.forEach((n, i) => {
    const value = i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')
    ctx.vars.set(n, value)
  })
  return 0
}

/** `exit [N]`: N modulo 256, the last status without one; a bad N is ash's error, status 2. */
function* exit(args: string[], { ctx }: CommandIO): Program {
  const arg = args[0]
  if (arg === undefined) throw new Exit(Number(ctx.vars.get('?') ?? 0))
  if (!/^-?\d+$/.test(arg)) {
    yield { kind: 'out', stream: 2, text: `sh: exit: Illegal number: ${arg}\n` }
    throw new Exit(2)
  }
  throw new Exit(Number(((BigInt(arg) % 256n) + 256n) % 256n))
}
