import { ArithmeticError, evaluate } from './arithmetic.ts'
import { BUILTINS, Exit } from './builtins.ts'
import type { Command, List, Word } from './parse.ts'
import type { CommandIO, Program, ReadResult, ShellContext, Step } from './program.ts'

/**
 * The one interpreter: a parsed script runs as a generator of steps, so the process driver can
 * interleave it with the daemon clock: output is emitted at once, a `sleep` hands control back
 * (the driver schedules the next step on the injected clock), a `read` waits for stdin.
 * Commands are looked up in the one table (`ctx.commands`, see commands/table.ts); only the
 * builtins that change the shell's own state (builtins.ts) live here.
 */

/**
 * A loop that never sleeps would spin forever inside one tick; instead, after this many commands
 * without simulated time passing, the loop yields a time slice, which bounds the output per
 * simulated second (SLICE_COMMANDS commands, loop conditions included, per SLICE_MS: `while
 * true; do echo x; done` writes 10 lines per 100 ms) and lets the daemon serve requests.
 */
const SLICE_COMMANDS = 20
export const SLICE_MS = 100

/** The interpreter's state for one shell: its context, its name and its time-slice count. */
export interface Run {
  ctx: ShellContext
  /** How the shell names itself in its messages: `sh: x: not found`, `bash: x: command not found`. */
  shell: 'sh' | 'bash'
  /** Commands run since simulated time last moved. */
  busy: number
}

/**
 * An error that ends a non-interactive shell after its message (ash's `raise_error`): a bad
 * `$((…))`. An interactive shell reports it and prompts again.
 */
export class ShellError {
  readonly code = 2
}

export function* runScript(list: List, run: Run): Program {
  try {
    return yield* runList(list, run)
  } catch (e) {
    if (e instanceof Exit || e instanceof ShellError) return e.code
    throw e
  }
}

export function* runList(list: List, run: Run): Program {
  let status = Number(run.ctx.vars.get('?') ?? 0)
  for (const { op, cmd } of list) {
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue
    status = yield* runCommand(cmd, run)
    run.ctx.vars.set('?', String(status))
  }
  return status
}

function* runCommand(cmd: Command, run: Run): Program {
  if (cmd.kind === 'pipe') return yield* runPipe(cmd.stages, run)
  if (cmd.kind === 'while') {
    let status = 0
    for (;;) {
      const c = yield* runList(cmd.cond, run)
      if ((c === 0) === cmd.until) return status
      status = yield* runList(cmd.body, run)
      yield* maybeYield(run)
    }
  }
  if (cmd.kind === 'for') {
    let status = 0
    for (const item of cmd.items) {
      run.ctx.vars.set(cmd.name, yield* expandWord(item, run))
      status = yield* runList(cmd.body, run)
      yield* maybeYield(run)
    }
    return status
  }
  run.busy++
  const words: string[] = []
  for (const w of cmd.words) words.push(yield* expandWord(w, run))
  // A word that expands to nothing (`$UNSET`) is no command at all.
  while (words[0] === '' && cmd.words.length > 1) words.shift()
  const [name = '', ...args] = words
  if (name === '') return 0
  const io: CommandIO = { ctx: run.ctx, out: cmd.toStderr ? 2 : 1, shell: run.shell }
  const builtin = BUILTINS[name]
  if (builtin !== undefined) return yield* builtin(args, io)
  const found = run.ctx.commands(name)
  if (found.kind === 'command') return yield* timed(found.run(args, io), run)
  const why =
    found.kind === 'not-modelled'
      ? 'not modelled by this simulated shell'
      : run.shell === 'bash'
        ? 'command not found'
        : 'not found'
  yield { kind: 'out', stream: 2, text: `${run.shell}: ${name}: ${why}\n` }
  return 127
}

/** Runs a command's program, noting when simulated time passed (it slept or waited for input). */
function* timed(program: Program, run: Run): Program {
  let how: { value: ReadResult | undefined } | { error: unknown } = { value: undefined }
  for (;;) {
    const r: IteratorResult<Step, number> =
      'error' in how ? program.throw(how.error) : program.next(how.value)
    if (r.done === true) return r.value
    if (r.value.kind === 'sleep' || r.value.kind === 'read') run.busy = 0
    try {
      how = { value: yield r.value }
    } catch (e) {
      // Ctrl-C reaches the command where it waits: it may catch it (`top` restores the
      // terminal) or end with it.
      how = { error: e }
    }
  }
}

function* expandWord(word: Word, run: Run): Generator<Step, string, ReadResult | undefined> {
  try {
    return expand(word, run.ctx.vars)
  } catch (e) {
    if (!(e instanceof ArithmeticError)) throw e
    yield { kind: 'out', stream: 2, text: `${run.shell}: ${e.message}\n` }
    throw new ShellError()
  }
}

/** One stage of a pipe: its program, whether it ended, and how it is to be resumed. */
class Stage {
  done = false
  status = 0
  /** Its last write was read, and it has not run since: a writer that keeps writing. */
  atWrite = false
  private how: { value: ReadResult | undefined } | { error: unknown } = { value: undefined }
  constructor(readonly program: Program) {}

  resumeWith(value: ReadResult | undefined): void {
    this.how = { value }
  }
  throwIn(error: unknown): void {
    this.how = { error }
  }
  step(): IteratorResult<Step, number> {
    this.atWrite = false
    const how = this.how
    this.how = { value: undefined }
    return 'error' in how ? this.program.throw(how.error) : this.program.next(how.value)
  }
  end(status: number): void {
    this.done = true
    this.status = status
  }
}

/**
 * `a | b | c`: the stages run together, each one's stdout the next one's stdin. The last stage
 * is driven; when it reads, the stage before it runs until it writes (or ends: end of file), and
 * so on up the pipe. When the last stage ends, the others are run out: a stage caught writing,
 * or that writes to the pipe later, dies of SIGPIPE (128 + 13), as `yes | head -n 3` ends
 * `yes`; one that sleeps is waited for (`sleep 1 | echo x` prints at once, ends a second later). Each stage runs in a
 * subshell (ash forks one per stage): `echo a | read x` leaves `x` unset. The first stage reads
 * the shell's own stdin; the status is the last stage's.
 */
function* runPipe(commands: Command[], run: Run): Program {
  const stages = commands.map((cmd, i) => {
    const ctx: ShellContext = {
      ...run.ctx,
      vars: new Map(run.ctx.vars),
      exported: new Set(run.ctx.exported),
      cwd: { path: run.ctx.cwd.path },
      stdin: i === 0 ? run.ctx.stdin : 'open',
    }
    return new Stage(runCommand(cmd, { ...run, ctx }))
  })
  const last = stages.length - 1
  yield* runStage(stages, last, 'forward')
  for (let j = last - 1; j >= 0; j--) yield* runStage(stages, j, 'broken')
  return stages[last]?.status ?? 0
}

/**
 * Runs stage `j` — until it writes to the pipe (`pull`: returns what it wrote), or until it ends
 * (`forward`: its stdout is the pipe's; `broken`: nobody reads any more, a write kills it).
 * Returns null when the stage ended. Other steps (stderr, sleeps, the first stage's reads of
 * the shell's stdin) go out to the driver, and Ctrl-C comes back in to the stage that waits.
 */
function* runStage(
  stages: Stage[],
  j: number,
  mode: 'forward' | 'pull' | 'broken',
): Generator<Step, string | null, ReadResult | undefined> {
  const s = stages[j]
  if (s === undefined) return null
  if (mode === 'broken' && s.atWrite) {
    s.program.return(141)
    s.end(141)
  }
  while (!s.done) {
    let r: IteratorResult<Step, number>
    try {
      r = s.step()
    } catch (e) {
      // `exit` in a stage ends that subshell only.
      if (e instanceof Exit || e instanceof ShellError) {
        s.end(e.code)
        break
      }
      throw e
    }
    if (r.done === true) {
      s.end(r.value)
      break
    }
    const step = r.value
    if (step.kind === 'out' && step.stream === 1 && mode !== 'forward') {
      if (mode === 'pull') {
        s.atWrite = true
        return step.text
      }
      s.program.return(141)
      s.end(141)
      break
    }
    if (step.kind === 'read' && j > 0) {
      const text = yield* runStage(stages, j - 1, 'pull')
      s.resumeWith(text === null ? { kind: 'eof' } : { kind: 'data', text })
      continue
    }
    try {
      s.resumeWith(yield step)
    } catch (e) {
      s.throwIn(e)
    }
  }
  return null
}

function* maybeYield(run: Run): Generator<Step, void, ReadResult | undefined> {
  if (run.busy < SLICE_COMMANDS) return
  run.busy = 0
  yield { kind: 'sleep', ms: SLICE_MS }
}

/**
 * `$((…))`, then `$NAME`, `${NAME}`, `$?`, `$#` and `$0`…`$9` in the expandable parts; unset
 * variables expand to nothing. Throws ArithmeticError for a bad `$((…))`.
 */
export function expand(word: Word, vars: Map<string, string>): string {
  return word
    .map((p) =>
      p.expand
        ? expandArithmetic(p.text, vars).replace(
            /\$(?:\{([A-Za-z_]\w*|[?#0-9])\}|([A-Za-z_]\w*|[?#0-9]))/g,
            (_m, a?: string, b?: string) => vars.get(a ?? b ?? '') ?? '',
          )
        : p.text,
    )
    .join('')
}

function expandArithmetic(text: string, vars: Map<string, string>): string {
  let out = ''
  let i = 0
  for (let start = text.indexOf('$((', i); start >= 0; start = text.indexOf('$((', i)) {
    let depth = 0
    let end = -1
    for (let j = start + 3; j < text.length; j++) {
      if (text[j] === '(') depth++
      else if (text[j] === ')') {
        if (depth === 0) {
          end = j
          break
        }
        depth--
      }
    }
    if (end < 0 || text[end + 1] !== ')') throw new ArithmeticError('arithmetic syntax error')
    out += text.slice(i, start) + evaluate(text.slice(start + 3, end), vars)
    i = end + 2
  }
  return out + text.slice(i)
}
