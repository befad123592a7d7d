import type { ProcessFs } from './model/fs.ts'
import { KERNEL_RELEASE } from './model/simulated-host.ts'
import { shellSession } from './shell/interactive.ts'
import { ParseError, parse } from './shell/parse.ts'
import type { External, Program, ShellContext } from './shell/program.ts'
import { runScript, ShellProcess } from './shell/run.ts'

/**
 * What a simulated process does, decided from its argv (Entrypoint + Cmd), TTY and stdin.
 * No real process runs: a command either exits at once with some output, keeps running until it
 * is stopped (`top`, `nginx`, `sh -i`, `sleep infinity`), runs for a while (`sleep 5`), or
 * cannot be started at all (unknown binary → runc's error).
 */

export interface ProcessPlan {
  kind: 'exits' | 'runs'
  /** For 'exits': exit status. */
  exitCode: number
  stdout: string
  stderr: string
  /** For 'runs': stop by itself after this many ms (null = until stopped or killed). */
  runForMs: number | null
  /** PID 1 shells ignore SIGTERM, so `docker stop` has to wait and SIGKILL them. */
  ignoresSigterm: boolean
  /** Exit status after SIGTERM: servers shut down cleanly (0), others die of it (143). */
  termExitCode: number
  /** `stdout`/`stderr` in the order written, when it matters (a `sh -c` script). */
  output?: Array<{ stream: 1 | 2; text: string }>
  /**
   * A process that reads stdin as it comes (an interactive or piped `sh`, `cat`, `top` on a
   * TTY): the engine runs it as a LiveProcess fed by hijacked sessions (see `liveProgram`).
   */
  live?: 'shell' | 'command'
  /**
   * A `sh -c` script that is still running (it sleeps or loops): the engine resumes it on the
   * daemon clock (`shell.pending` is its first sleep). `stdout`/`stderr`/`output` hold what it
   * wrote before that; `runForMs` is for callers that cannot resume it (exec, see `script`).
   */
  shell?: ShellProcess
}

export interface StartFailure {
  kind: 'fails'
  /** The error text runc/containerd gave, which becomes the HTTP error. */
  message: string
  /** Exit code the daemon records: 127 for "not found", 126 for "permission denied". */
  exitCode: number
}

export interface ProcessInput {
  /** Files the process can read (`cat`, `ls`). */
  fs?: ProcessFs
  argv: string[]
  tty: boolean
  openStdin: boolean
  env?: string[]
  hostname?: string
  /** Config.WorkingDir: where the process starts (`pwd`, `cd` with no argument is still $HOME). */
  workingDir?: string
  /** For an exec: the container's own command line, PID 1 of what `ps` lists. */
  containerCommand?: string[]
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash'])
const KNOWN = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'echo',
  'true',
  'false',
  'sleep',
  'top',
  'cat',
  'nginx',
  'ls',
  'env',
  'pwd',
  'hostname',
  'date',
  'uname',
  'whoami',
  'id',
  'ps',
  'tail',
  'ping',
  'yes',
  'printf',
  'test',
  'exit',
  'httpd',
  'nc',
  'httpd-foreground',
  'redis-server',
  'postgres',
  'mysqld',
  'memcached',
  'mongod',
  'docker-entrypoint.sh',
  'pause',
])

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1)

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

export function plan(input: ProcessInput): ProcessPlan | StartFailure {
  const [bin, ...args] = input.argv
  if (bin === undefined) return exits(0)
  const name = base(bin)
  if (!KNOWN.has(name)) return startFailure(bin)
  if (SHELLS.has(name)) {
    const cIndex = args.indexOf('-c')
    if (cIndex >= 0) return script(args[cIndex + 1] ?? '', input)
    // A TTY never reaches end-of-file (`docker run -dt busybox sh` keeps running), nor does an
    // open stdin (`docker run -i`) until it is closed; otherwise stdin is empty and the shell
    // exits at once.
    return input.openStdin || input.tty ? { ...runs(null, true), live: 'shell' } : exits(0)
  }
  return simple(name, args, input)
}

function exits(exitCode: number, stdout = '', stderr = ''): ProcessPlan {
  return {
    kind: 'exits',
    exitCode,
    stdout,
    stderr,
    runForMs: null,
    ignoresSigterm: false,
    termExitCode: 143,
  }
}

function runs(
  runForMs: number | null,
  ignoresSigterm = false,
  stdout = '',
  termExitCode = 143,
): ProcessPlan {
  return { kind: 'runs', exitCode: 0, stdout, stderr: '', runForMs, ignoresSigterm, termExitCode }
}

function simple(name: string, args: string[], input: ProcessInput): ProcessPlan {
  switch (name) {
    case 'echo':
      return exits(0, `${args.join(' ')}\n`)
    case 'printf':
      return exits(0, (args[0] ?? '').replace(/\\n/g, '\n'))
    case 'true':
      return exits(0)
    case 'false':
      return exits(1)
    case 'exit':
      return exits(toExitCode(args[0]))
    case 'sleep': {
      const arg = args[0] ?? ''
      // As PID 1 without handlers, sleep ignores SIGTERM (`docker stop` waits, then SIGKILL).
      if (arg === 'infinity' || arg === 'inf') return runs(null, true)
      const seconds = Number(arg)
      if (arg === '' || !Number.isFinite(seconds) || seconds < 0) {
        return exits(
          1,
          '',
          arg === ''
            ? 'BusyBox v1.25.1 (2016-10-26 16:15:20 UTC) multi-call binary.\n\nUsage: sleep [N]...\n'
            : `sleep: invalid number '${arg}'\n`,
        )
      }
      return seconds === 0 ? exits(0) : runs(seconds * 1000, true)
    }
    case 'top':
      // On a terminal, top repaints and reads its keys (`q` quits).
      return input.tty ? { ...runs(null), live: 'command' } : runs(null)
    case 'yes':
    case 'ping':
      return runs(null, false, name === 'yes' ? 'y\n' : '')
    // Servers: run until stopped and exit 0 on SIGTERM.
    case 'nginx':
    case 'httpd':
    case 'httpd-foreground':
    case 'redis-server':
    case 'postgres':
    case 'mysqld':
    case 'memcached':
    case 'mongod':
    case 'docker-entrypoint.sh':
    case 'pause':
      return runs(null, false, '', 0)
    case 'tail':
      return args.includes('-f') ? runs(null) : exits(0)
    case 'cat': {
      const files = args.filter((a) => !a.startsWith('-'))
      if (files.length === 0) {
        return input.openStdin || input.tty ? { ...runs(null), live: 'command' } : exits(0)
      }
      let out = ''
      let err = ''
      for (const f of files) {
        const content = input.fs?.read(f) ?? null
        if (content === null) err += `cat: can't open '${f}': No such file or directory\n`
        else out += content
      }
      return exits(err === '' ? 0 : 1, out, err)
    }
    case 'nc':
      return input.openStdin || input.tty ? runs(null) : exits(0)
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'))
      let out = ''
      let err = ''
      for (const p of paths.length === 0 ? ['/'] : paths) {
        const entries =
          input.fs?.list(p) ??
          (p === '/'
            ? ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']
            : null)
        if (entries === null) err += `ls: ${p}: No such file or directory\n`
        else out += entries.map((x) => `${x}\n`).join('')
      }
      return exits(err === '' ? 0 : 1, out, err)
    }
    case 'pwd':
      return exits(0, `${startDir(input)}\n`)
    case 'hostname':
      return exits(0, `${input.hostname ?? ''}\n`)
    case 'whoami':
      return exits(0, 'root\n')
    case 'id':
      return exits(0, 'uid=0(root) gid=0(root) groups=10(wheel)\n')
    case 'uname':
      return exits(0, `${uname(args, input.hostname ?? '')}\n`)
    case 'date':
      return exits(0, 'Sat Jan 14 12:00:00 UTC 2017\n')
    case 'env':
      return exits(0, (input.env ?? []).map((e) => `${e}\n`).join(''))
    case 'ps':
      return exits(0, psTable(args, input))
    case 'test':
      return exits(args.length > 0 ? 0 : 1)
    default:
      return exits(0)
  }
}

/** busybox `uname [-snrma]`; -a without the kernel's build string (#78-Ubuntu SMP …). */
function uname(args: string[], hostname: string): string {
  const flags = args.join('').replace(/-/g, '')
  if (flags.includes('a')) return `Linux ${hostname} ${KERNEL_RELEASE} x86_64 GNU/Linux`
  const parts: string[] = []
  if (flags.includes('s') || flags === '') parts.push('Linux')
  if (flags.includes('n')) parts.push(hostname)
  if (flags.includes('r')) parts.push(KERNEL_RELEASE)
  if (flags.includes('m')) parts.push('x86_64')
  return parts.join(' ')
}

const startDir = (input: ProcessInput) =>
  input.workingDir !== undefined && input.workingDir !== '' ? input.workingDir : '/'

/**
 * busybox `ps`: PID 1 is the container's command; an exec'd process, the shell that runs `ps`
 * and `ps` itself come after it (the PIDs past 1 are illustrative).
 */
function psTable(args: string[], input: ProcessInput): string {
  const commands: string[] = []
  if (input.containerCommand !== undefined) commands.push(input.containerCommand.join(' '))
  if (SHELLS.has(base(input.argv[0] ?? ''))) commands.push(input.argv.join(' '))
  commands.push(['ps', ...args].join(' '))
  const rows = commands.map(
    (command, i) => `${String(i === 0 ? 1 : 1 + 6 * i).padStart(5)} root       0:00 ${command}\n`,
  )
  return `PID   USER     TIME   COMMAND\n${rows.join('')}`
}

function toExitCode(arg: string | undefined): number {
  const n = Number.parseInt(arg ?? '0', 10)
  return Number.isFinite(n) ? ((n % 256) + 256) % 256 : 2
}

/** The shell's variables and command lookup for a process (`sh -c`, an interactive `sh`). */
function shellContext(input: ProcessInput): ShellContext {
  const vars = new Map<string, string>([
    ['HOME', '/root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ])
  if (input.hostname !== undefined && input.hostname !== '') vars.set('HOSTNAME', input.hostname)
  for (const e of input.env ?? []) {
    const eq = e.indexOf('=')
    if (eq > 0) vars.set(e.slice(0, eq), e.slice(eq + 1))
  }
  const external: External = (name, args) => {
    if (!KNOWN.has(base(name))) return { kind: 'notfound' }
    // stdin is the container's: `cat` blocks with `-i`/`-t` and sees end-of-file without.
    const p = SHELLS.has(base(name))
      ? plan({ ...input, argv: [name, ...args] })
      : simple(base(name), args, input)
    if (p.kind === 'fails') return { kind: 'notfound' }
    // A nested script's timed part is not resumed: it counts as its first sleep.
    return p.kind === 'exits' ? p : { ...p, kind: 'runs' }
  }
  return {
    vars,
    external,
    readFile: (path) => input.fs?.read(path) ?? null,
    // `cd` and `pwd` work in `sh -c` scripts too, from Config.WorkingDir.
    cwd: { path: startDir(input) },
    isDir: (path) => path === '/' || (input.fs?.list(path) ?? null) !== null,
    listDir: (path) =>
      input.fs?.list(path) ??
      (path === '/'
        ? ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']
        : null),
  }
}

/**
 * `sh -c SCRIPT`: parsed and run by `shell/` (sleeps and loops resume on the daemon clock).
 * What the parser does not support (`&`, `$(…)`, `> file`) is said plainly on stderr, exit 2.
 */
function script(source: string, input: ProcessInput): ProcessPlan | StartFailure {
  let list: ReturnType<typeof parse>
  try {
    list = parse(source)
  } catch (e) {
    if (e instanceof ParseError) return exits(2, '', `sh: ${e.message}\n`)
    throw e
  }
  const shell = new ShellProcess(runScript(list, shellContext(input)))
  const { output, next } = shell.advance()
  const stdout = output
    .filter((o) => o.stream === 1)
    .map((o) => o.text)
    .join('')
  const stderr = output
    .filter((o) => o.stream === 2)
    .map((o) => o.text)
    .join('')
  if (next.kind === 'exit') return { ...exits(next.code, stdout, stderr), output }
  // PID 1 shells ignore SIGTERM: `docker stop` waits, then SIGKILLs them. runForMs is for
  // callers that cannot resume the script (exec): a loop runs until stopped, otherwise the
  // script ends with its first sleep.
  const timed = next.kind === 'sleep' && !list.some((i) => i.cmd.kind !== 'simple')
  const running = runs(timed ? next.ms : null, true, stdout)
  return { ...running, stderr, output, shell: next.kind === 'sleep' ? shell : undefined }
}

/**
 * The program of a `live` plan: an interactive (TTY) or piped `sh`, or one command (`cat`,
 * `top`) reading the process's stdin. `terminal` is the process's pty (its size is read when
 * `stty size` or `top` asks); `quietStart` skips the first prompt (a shell restored from a
 * snapshot, which already printed it).
 */
export function liveProgram(
  input: ProcessInput,
  terminal: { rows: number; cols: number } | null,
  quietStart = false,
): Program {
  const ctx: ShellContext = {
    ...shellContext(input),
    stdin: true,
    tty: terminal,
  }
  const name = base(input.argv[0] ?? 'sh')
  if (SHELLS.has(name)) return shellSession(ctx, { interactive: terminal !== null, quietStart })
  // A restored `top` or `cat` cannot pick up where it was: it stays running and silent (like a
  // restored script), rather than writing its output into the logs a second time.
  if (quietStart) return waitForever()
  const words = input.argv.map((a) => [{ text: a, expand: false }])
  return runScript([{ op: ';', cmd: { kind: 'simple', words, toStderr: false } }], ctx)
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

function* waitForever(): Program {
  yield { kind: 'forever' }
  return 0
}
