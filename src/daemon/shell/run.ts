import { ArithmeticError, evaluate } from './arithmetic.ts'
import { interactiveCommand } from './builtins.ts'
import type { Command, List, Word } from './parse.ts'
import type { Program, ReadResult, Run, ShellContext, Step } from './program.ts'

/**
 * Runs a parsed `sh -c` script as a generator of steps, so the engine can interleave it with the
 * daemon clock: output is emitted at once, a `sleep` hands control back to the engine (which
 * schedules the next step on the injected clock), and `forever` means the script blocks for
 * good (`cat` with no stdin, `sleep infinity`) until it is stopped.
 */

/**
 * A loop that never sleeps would spin forever inside one tick; instead, after this many commands
 * without simulated time passing, the loop yields a time slice, which bounds the output per
 * simulated second (SLICE_COMMANDS commands, loop conditions included, per SLICE_MS: `while
 * true; do echo x; done` writes 10 lines per 100 ms) and lets the daemon serve requests.
 */
const SLICE_COMMANDS = 20
const SLICE_MS = 100

export class Exit {
  constructor(readonly code: number) {}
}

export function* runScript(list: List, ctx: ShellContext): Program {
  const run: Run = { ctx, busy: 0 }
  try {
    return yield* runList(list, run)
  } catch (e) {
    if (e instanceof Exit) return e.code
    throw e
  }
}

export function* runList(list: List, run: Run): Program {
  let status = 0
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
      run.ctx.vars.set(cmd.name, expand(item, run.ctx.vars))
      status = yield* runList(cmd.body, run)
      yield* maybeYield(run)
    }
    return status
  }
  run.busy++
  let words: string[]
  try {
    words = cmd.words.map((w) => expand(w, run.ctx.vars))
  } catch (e) {
    if (!(e instanceof ArithmeticError)) throw e
    yield { kind: 'out', stream: 2, text: `sh: ${e.message}\n` }
    return 2
  }
  const [name = '', ...args] = words
  const out = cmd.toStderr ? 2 : 1
  const interactive = yield* interactiveCommand(name, args, out, run)
  if (interactive !== null) return interactive
  switch (name) {
    case 'exit':
      throw new Exit(exitCode(args[0]))
    case 'true':
    case ':':
      return 0
    case 'false':
      return 1
    case 'echo': {
      const noNewline = args[0] === '-n'
      const text = (noNewline ? args.slice(1) : args).join(' ')
      yield { kind: 'out', stream: out, text: noNewline ? text : `${text}\n` }
      return 0
    }
    case 'sleep': {
      const arg = args[0] ?? ''
      if (arg === 'infinity' || arg === 'inf') return yield* forever()
      const seconds = Number(arg)
      if (arg === '' || !Number.isFinite(seconds) || seconds < 0) {
        yield { kind: 'out', stream: 2, text: `sleep: invalid number '${arg}'\n` }
        return 1
      }
      if (seconds > 0) {
        run.busy = 0
        yield { kind: 'sleep', ms: Math.round(seconds * 1000) }
      }
      return 0
    }
  }
  const r = run.ctx.external(name, args)
  if (r.kind === 'notfound') {
    yield { kind: 'out', stream: 2, text: `sh: ${name}: not found\n` }
    return 127
  }
  // `>&2` moves the command's stdout; its stderr stays stderr.
  if (r.stdout !== '') yield { kind: 'out', stream: out, text: r.stdout }
  if (r.stderr !== '') yield { kind: 'out', stream: 2, text: r.stderr }
  if (r.kind === 'exits') return r.exitCode
  if (r.runForMs === null) return yield* forever()
  run.busy = 0
  yield { kind: 'sleep', ms: r.runForMs }
  return 0
}

/** A stage's captured output is kept up to this many characters (a pipe would block the writer). */
const PIPE_LIMIT = 1 << 20

/**
 * `a | b`: the stages run one after the other, each one's stdout captured and handed to the
 * next as its whole stdin followed by end of file. Real stages run at the same time; for the
 * finite commands of a lesson (`ps | grep sh`, `echo a | cat`) the output is the same. The
 * first stage reads the shell's own stdin; the status is the last stage's.
 */
function* runPipe(stages: Command[], run: Run): Program {
  let input: string | null = null
  let status = 0
  for (const [i, stage] of stages.entries()) {
    const last = i === stages.length - 1
    const stageRun: Run = input === null ? run : { ...run, ctx: { ...run.ctx, stdin: true } }
    const captured = { text: '' }
    status = yield* pipeStage(runCommand(stage, stageRun), input, last ? null : captured)
    input = captured.text
  }
  return status
}

function* pipeStage(
  stage: Program,
  input: string | null,
  capture: { text: string } | null,
): Program {
  let value: ReadResult | undefined
  let fed = false
  for (;;) {
    const r = stage.next(value)
    value = undefined
    if (r.done === true) return r.value
    const s = r.value
    if (capture !== null && s.kind === 'out' && s.stream === 1) {
      if (capture.text.length < PIPE_LIMIT) capture.text += s.text
    } else if (input !== null && s.kind === 'read') {
      value = fed || input === '' ? { kind: 'eof' } : { kind: 'data', text: input }
      fed = true
    } else {
      value = yield s
    }
  }
}

function* maybeYield(run: Run): Generator<Step, void, ReadResult | undefined> {
  if (run.busy < SLICE_COMMANDS) return
  run.busy = 0
  yield { kind: 'sleep', ms: SLICE_MS }
}

function* forever(): Generator<Step, never, ReadResult | undefined> {
  yield { kind: 'forever' }
  // The engine never resumes a script after `forever`; this only satisfies the type.
  throw new Error('shell: resumed after forever')
}

/**
 * `$((…))`, then `$NAME`, `${NAME}` and `$?` in the expandable parts; unset variables expand
 * to nothing. Throws ArithmeticError for a bad `$((…))`.
 */
export function expand(word: Word, vars: Map<string, string>): string {
  return word
    .map((p) =>
      p.expand
        ? expandArithmetic(p.text, vars).replace(
            /\$(?:\{([A-Za-z_]\w*|\?)\}|([A-Za-z_]\w*|\?))/g,
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
    out += text.slice(i, start) + String(evaluate(text.slice(start + 3, end), vars))
    i = end + 2
  }
  return out + text.slice(i)
}

function exitCode(arg: string | undefined): number {
  const n = Number.parseInt(arg ?? '0', 10)
  return Number.isFinite(n) ? ((n % 256) + 256) % 256 : 2
}

/** The next thing the engine must do after a run of output. */
export type Pending =
  | { kind: 'sleep'; ms: number }
  | { kind: 'exit'; code: number }
  | { kind: 'forever' }

/** A running script: `advance` runs it to its next sleep, block or exit, collecting output. */
export class ShellProcess {
  /** Daemon-clock time of the scheduled wake-up; checked so stale wake-ups are ignored. */
  wakeAt: number | null = null
  /** Where the last `advance` stopped. */
  pending: Pending | null = null
  constructor(private readonly steps: Program) {}

  advance(): { output: Array<{ stream: 1 | 2; text: string }>; next: Pending } {
    const output: Array<{ stream: 1 | 2; text: string }> = []
    for (;;) {
      const r = this.steps.next()
      if (r.done === true) return this.stop(output, { kind: 'exit', code: r.value })
      const s = r.value
      // A script run this way has no session feeding its stdin: a read waits for good.
      if (s.kind === 'read') return this.stop(output, { kind: 'forever' })
      if (s.kind === 'tty') continue
      if (s.kind === 'out') {
        const last = output[output.length - 1]
        // Writes to one stream at the same simulated instant make one log entry (and one
        // stream frame), as the daemon's copier would read them from the pipe in one go.
        if (last !== undefined && last.stream === s.stream) last.text += s.text
        else output.push({ stream: s.stream, text: s.text })
      } else return this.stop(output, s)
    }
  }

  private stop(output: Array<{ stream: 1 | 2; text: string }>, next: Pending) {
    this.pending = next
    return { output, next }
  }
}
