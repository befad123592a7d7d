import { BUSYBOX_APPLETS } from './shell/commands/applets.ts'
import { baseName, COMMANDS, lookupCommand } from './shell/commands/table.ts'
import { shellSession } from './shell/interactive.ts'
import {
  type CommandLookup,
  exitStatus,
  type ProcessFiles,
  type Program,
  type ShellContext,
  type Terminal,
} from './shell/program.ts'

/**
 * What a simulated process is, decided from its argv (Entrypoint + Cmd), TTY and stdin: the
 * program of its command from the one command table (shell/commands/table.ts), run by the one
 * driver (terminal/live-process.ts) for containers and execs alike — or, for a binary the image
 * does not have, runc's error. No real process runs.
 */

export interface ProcessInput {
  /** The container's files (`cat`, `ls`, `cd`, `test -f`). */
  files?: ProcessFiles
  argv: string[]
  tty: boolean
  /** `-i`: something may write to stdin; without it stdin is at end of file from the start. */
  openStdin: boolean
  env?: string[]
  hostname?: string
  /** Config.WorkingDir: where the process starts (`pwd`, `cd` with no argument is still $HOME). */
  workingDir?: string
  /** For an exec: the container's own command line, PID 1 of what `ps` and `top` list. */
  containerCommand?: string[]
  /** The daemon clock in ms (`date`); a fixed instant when not given (unit tests). */
  now?: () => number
  /** When the container was created, in ms (`ls -l`). */
  created?: number
  /** Config.Image as given (`busybox`, `alpine:3.4`, `ubuntu:16.04`): which shells it has. */
  image?: string
}

/**
 * The busybox and alpine images have ash only: `docker run -it alpine bash` fails as runc's
 * "executable file not found", a classic first mistake. Other images (ubuntu, debian, nginx …)
 * have bash.
 */
function hasBash(image: string | undefined): boolean {
  const repo = (image ?? '').replace(/[:@].*$/, '').replace(/^library\//, '')
  return repo !== 'busybox' && repo !== 'alpine'
}

/** The command table as this image has it. */
function lookupIn(image: string | undefined): CommandLookup {
  if (hasBash(image)) return lookupCommand
  return (name) => (baseName(name) === 'bash' ? { kind: 'not-found' } : lookupCommand(name))
}

/** A process that starts: its program and how it takes SIGTERM as PID 1. */
export interface ProcessPlan {
  kind: 'runs'
  program: Program
  /** Its pty (0×0 until resized), or null without `-t`. */
  terminal: Terminal | null
  stdin: 'open' | 'closed'
  /** PID 1 shells and sleep ignore SIGTERM, so `docker stop` has to wait and SIGKILL them. */
  ignoresSigterm: boolean
  /** Exit status after SIGTERM: servers shut down cleanly (0), others die of it (143). */
  termExitCode: number
  /**
   * For a plain `sleep N`: when it ends, known from the start (kept in the state, so a restored
   * snapshot ends it on time); null for anything else.
   */
  runForMs: number | null
}

export interface StartFailure {
  kind: 'fails'
  /** The error text runc/containerd gave, which becomes the HTTP error. */
  message: string
  /** Exit code the daemon records: 127 for "not found", 126 for "permission denied". */
  exitCode: number
}

/**
 * runc's error when the binary does not exist, as Docker 1.12's containerd client reported it
 * (grpc puts it in an HTTP/2 header, hence the famous "invalid header field value").
 * It contains "not found" / "no such file or directory", so the API answers 404.
 * @see moby daemon/start.go at v1.12.6 (exit code 127 for a command that is not found)
 */
export function startFailure(binary: string): StartFailure {
  const reason = binary.includes('/')
    ? `exec: \\\\\\"${binary}\\\\\\": stat ${binary}: no such file or directory`
    : `exec: \\\\\\"${binary}\\\\\\": executable file not found in $PATH`
  return {
    kind: 'fails',
    message: `invalid header field value "oci runtime error: container_linux.go:247: starting container process caused \\"${reason}\\"\\n"`,
    exitCode: 127,
  }
}

/** Before the daemon clock existed here, `date` printed this instant; unit tests still use it. */
const FIXED_NOW = Date.parse('2017-01-14T12:00:00Z')

const EMPTY_FILES: ProcessFiles = {
  read: () => null,
  list: (path) => (path === '/' ? [] : null),
  stat: (path) => (path === '/' ? { dir: true, size: 4096 } : null),
}

/** The process's context: its variables, working directory, stdin, terminal and files. */
function context(input: ProcessInput, terminal: Terminal | null): ShellContext {
  // The environment as Docker 1.12 builds it (daemon/container_operations_unix.go
  // CreateDaemonEnvironment): PATH, HOSTNAME, TERM with a TTY, then Config.Env; runc adds HOME.
  const vars = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ])
  if (input.hostname !== undefined && input.hostname !== '') vars.set('HOSTNAME', input.hostname)
  if (input.tty) vars.set('TERM', 'xterm')
  for (const e of input.env ?? []) {
    const eq = e.indexOf('=')
    if (eq > 0) vars.set(e.slice(0, eq), e.slice(eq + 1))
  }
  if (!vars.has('HOME')) vars.set('HOME', '/root')
  const now = input.now ?? (() => FIXED_NOW)
  return {
    vars,
    exported: new Set(vars.keys()),
    cwd: {
      path: input.workingDir !== undefined && input.workingDir !== '' ? input.workingDir : '/',
    },
    // A pty never reaches end of file (`docker run -t busybox sh` waits for good); an open
    // stdin waits until it is closed; otherwise stdin is empty.
    stdin: input.openStdin || input.tty ? 'open' : 'closed',
    unread: { text: '' },
    terminal,
    process: {
      argv: input.argv,
      containerCommand: input.containerCommand,
      hostname: input.hostname ?? '',
      now,
      created: input.created ?? now(),
      files: input.files ?? EMPTY_FILES,
    },
    commands: lookupIn(input.image),
  }
}

/**
 * Linux's limits on what execve takes (fs/exec.c): one string of at most MAX_ARG_STRLEN (32
 * pages, its NUL included), and all of argv and envp — strings and pointers — within a quarter
 * of the 8 MiB stack rlimit. Past them execve fails with E2BIG.
 */
const MAX_ARG_STRLEN = 131072
const ARG_MAX = 2 * 1024 * 1024

/** Whether execve would refuse this command line and environment ("argument list too long"). */
export function argvTooLong(input: ProcessInput): boolean {
  const strings = [...input.argv, ...(input.env ?? [])]
  let total = 8 * (strings.length + 2)
  for (const s of strings) {
    const bytes = new TextEncoder().encode(s).byteLength + 1
    if (bytes > MAX_ARG_STRLEN) return true
    total += bytes
  }
  return total > ARG_MAX
}

export function plan(input: ProcessInput): ProcessPlan | StartFailure {
  const [bin, ...args] = input.argv
  const terminal = input.tty ? { rows: 0, cols: 0 } : null
  const ctx = context(input, terminal)
  const base = (ms: number | null) => ({
    kind: 'runs' as const,
    terminal,
    stdin: ctx.stdin,
    ignoresSigterm: false,
    termExitCode: 143,
    runForMs: ms,
  })
  // No command at all: nothing runs, status 0.
  if (bin === undefined) return { ...base(null), program: exitStatus(0) }
  const name = baseName(bin)
  const found = ctx.commands(bin).kind !== 'not-found'
  const spec = found && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (spec !== undefined && argvTooLong(input)) return { ...base(null), program: execFailed() }
  if (spec === undefined) {
    if (!found || !BUSYBOX_APPLETS.has(name)) return startFailure(bin)
    return { ...base(null), program: notModelled(name) }
  }
  const seconds = name === 'sleep' && args.length === 1 ? Number(args[0]) : Number.NaN
  return {
    ...base(Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null),
    program: spec.run(args, { ctx, out: 1 }),
    ignoresSigterm: spec.sigterm === 'ignored',
    termExitCode: spec.sigterm === 'exits 0' ? 0 : 143,
  }
}

/**
 * The program of a process restored from a snapshot, which cannot pick up where it was: a
 * shell waiting at its prompt waits again (without printing a second prompt); a process whose
 * end was known (`sleep 5`) ends then; anything else stays running and silent until stopped,
 * rather than writing its output into the logs a second time.
 */
export function restoredProgram(
  input: ProcessInput,
  exitAt: number | null,
  exitCode: number,
): ProcessPlan | StartFailure {
  const p = plan(input)
  if (p.kind === 'fails') return p
  p.program.return(0)
  const now = (input.now ?? (() => FIXED_NOW))()
  let program: Program
  if (exitAt !== null) program = sleepThenExit(Math.max(0, exitAt - now), exitCode)
  else if (
    /^(sh|ash|dash|bash)$/.test(baseName(input.argv[0] ?? '')) &&
    input.argv.length === 1 &&
    p.stdin === 'open'
  ) {
    const ctx = context(input, p.terminal)
    program = shellSession(ctx, {
      interactive: p.terminal !== null,
      shell: baseName(input.argv[0] ?? '') === 'bash' ? 'bash' : 'sh',
      quietStart: true,
    })
  } else program = waitForever()
  return { ...p, program }
}

/**
 * runc's init could not exec the command (here: E2BIG, a `sh -c` script over 128 KiB). The
 * container has started by then: the error is its output and it exits 1, as Docker 1.12 showed
 * "exec format error" for an image of another architecture.
 * @see runc libcontainer/standard_init_linux.go at v1.0.0-rc2 (line 175)
 */
function* execFailed(): Program {
  yield {
    kind: 'out',
    stream: 2,
    text: 'standard_init_linux.go:175: exec user process caused "argument list too long"\n',
  }
  return 1
}

function* notModelled(name: string): Program {
  yield { kind: 'out', stream: 2, text: `${name}: not modelled by this simulated shell\n` }
  return 127
}

function* sleepThenExit(ms: number, code: number): Program {
  if (ms > 0) yield { kind: 'sleep', ms }
  return code
}

function* waitForever(): Program {
  yield { kind: 'forever' }
  return 0
}

/** `ps -ef`-style rows for GET /top. */
export function psRows(argv: string[], pid: number, startedAt: string): string[][] {
  const time = startedAt.slice(11, 16)
  return [
    [
      'root',
      String(pid),
      String(pid > 1000 ? pid - 17 : 1),
      '0',
      time,
      '?',
      '00:00:00',
      argv.join(' '),
    ],
  ]
}
