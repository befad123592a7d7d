/**
 * What a program is to the daemon: a generator of steps (output, sleep, read, tty mode) resumed
 * with what it read. Shared by the interpreter (run.ts), its builtins and the live process that
 * drives them (terminal/live-process.ts); kept apart so none of them imports the other for it.
 */
export type Step =
  | { kind: 'out'; stream: 1 | 2; text: string }
  | { kind: 'sleep'; ms: number }
  | { kind: 'forever' }
  /** Wait for stdin (a line in a TTY's canonical mode, any bytes otherwise); `timeoutMs` for `top`. */
  | { kind: 'read'; timeoutMs?: number }
  /** Switch the TTY to raw mode (`top`) or back. */
  | { kind: 'tty'; raw: boolean }

/** What a `read` step is resumed with. */
export type ReadResult =
  | { kind: 'data'; text: string }
  | { kind: 'eof' }
  | { kind: 'timeout' }
  /** The terminal was resized (SIGWINCH): `top` repaints. */
  | { kind: 'winch' }

/** The generator a script or program runs as: it yields steps and may be resumed with input. */
export type Program = Generator<Step, number, ReadResult | undefined>

/** Thrown into a program at its current step when the foreground job gets SIGINT (Ctrl-C). */
export class Interrupt extends Error {}

/** What a command that is not a builtin does (decided by process.ts, without importing it). */
export type External = (
  name: string,
  args: string[],
) =>
  | { kind: 'exits'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'runs'; runForMs: number | null; stdout: string; stderr: string }
  | { kind: 'notfound' }

export interface ShellContext {
  vars: Map<string, string>
  external: External
  /**
   * Whether a `read` can ever be answered: a process with an open stdin (`-i`, a TTY) is fed
   * by hijacked sessions; without one, stdin is at end of file and `cat` ends at once.
   */
  stdin?: boolean
  /** The process's terminal, when it has one (its size is read when a command asks). */
  tty?: { rows: number; cols: number } | null
  /** The working directory (`cd`, `pwd`, the prompt). */
  cwd?: { path: string }
  /** Whether `path` is a directory (`cd`). */
  isDir?: (path: string) => boolean
  /** A directory's entries, null if there is none (`ls` on a terminal). */
  listDir?: (path: string) => string[] | null
  /** A file's content, null if there is none (`grep PATTERN FILE`, `wc FILE`). */
  readFile?: (path: string) => string | null
}

export interface Run {
  ctx: ShellContext
  /** Commands run since simulated time last moved. */
  busy: number
}
