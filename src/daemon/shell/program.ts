/**
 * What a program is to the daemon: a generator of steps (output, sleep, read, tty mode) resumed
 * with what it read. Every simulated process is one — a container's command and an exec's alike,
 * `echo` as much as an interactive `sh` — and one driver runs them all
 * (terminal/live-process.ts). Shared by the interpreter (run.ts), the command table (commands/)
 * and that driver; kept apart so none of them imports the other for it.
 */
export type Step =
  | { kind: 'out'; stream: 1 | 2; text: string }
  | { kind: 'sleep'; ms: number }
  /** Blocks until the process is stopped (`sleep infinity`, a server). */
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

/** The generator a script or command runs as: it yields steps and may be resumed with input. */
export type Program = Generator<Step, number, ReadResult | undefined>

/** A program that ends at once with `code`, writing nothing (`true`, a builtin that only sets). */
// biome-ignore lint/correctness/useYield: ending at once is the point
export function* exitStatus(code: number): Program {
  return code
}

/** Thrown into a program at its current step when the foreground job gets SIGINT (Ctrl-C). */
export class Interrupt extends Error {}

/** A pseudo-terminal's window size. A new pty is 0×0 until someone sets it (TIOCSWINSZ). */
export interface Terminal {
  rows: number
  cols: number
}

/** One entry of a directory listing, with what `ls -l` shows. */
export interface FileInfo {
  dir: boolean
  size: number
}

/** The container's files as a process sees them (read-only here). */
export interface ProcessFiles {
  read(path: string): string | null
  /** A directory's entries, sorted; null if there is no such directory. */
  list(path: string): string[] | null
  stat(path: string): FileInfo | null
}

/** What a process is: the things a command may ask about besides its arguments. */
export interface ProcessInfo {
  /** The process's own command line (`ps` lists it after PID 1). */
  argv: string[]
  /** For an exec: the container's command, PID 1 of what `ps` and `top` list. */
  containerCommand?: string[]
  hostname: string
  /** The daemon clock in ms (`date`). */
  now(): number
  /** When the container was created (ms): the time `ls -l` shows, files having none of their own. */
  created: number
  files: ProcessFiles
}

/**
 * The shell state and the process a command runs in. Commands read it; only the shell's own
 * builtins (`cd`, `export`, `read`, …) change `vars` and `cwd`.
 */
export interface ShellContext {
  vars: Map<string, string>
  /** The variables a command started from the shell sees (`env`): the environment, `export`ed. */
  exported: Set<string>
  /** The working directory (`cd`, `pwd`, `ls`, the prompt). */
  cwd: { path: string }
  /**
   * `open`: something may still write to stdin (`-i`, a pty), so a read waits for it;
   * `closed`: stdin is at end of file (no `-i`), so `cat` and `read` end at once.
   */
  stdin: 'open' | 'closed'
  /**
   * Input read from stdin but not used yet: `read` takes one line of what arrived and leaves the
   * rest here for the next reader, as ash reading a pipe byte by byte would.
   */
  unread: { text: string }
  /** The process's pty (its size is read when a command asks); null without `-t`. */
  terminal: Terminal | null
  process: ProcessInfo
  /** The one command table (commands/table.ts), handed in so the interpreter need not import it. */
  commands: CommandLookup
}

/** A command's program: its arguments and where it runs. */
export type CommandProgram = (args: string[], io: CommandIO) => Program

export interface CommandIO {
  ctx: ShellContext
  /** Where its stdout goes: 1, or 2 after `>&2`. */
  out: 1 | 2
  /**
   * Run by a shell (which names itself in the messages of the commands ash has built in: `sh:
   * missing ]`), or as a process's own command (undefined).
   */
  shell?: 'sh' | 'bash'
}

/** What the table answers for a name. */
export type CommandLookup = (
  name: string,
) => { kind: 'command'; run: CommandProgram } | { kind: 'not-modelled' } | { kind: 'not-found' }
