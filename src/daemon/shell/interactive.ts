import { Exit } from './builtins.ts'
import { ParseError, parse } from './parse.ts'
import {
  Interrupt,
  type Program,
  type ReadResult,
  type ShellContext,
  type Step,
} from './program.ts'
import { type Run, runList, ShellError } from './run.ts'

/**
 * A shell reading its commands from stdin: with a terminal it is interactive (a prompt before
 * every command, a continuation prompt inside an unfinished loop, Ctrl-C back to the prompt);
 * from a pipe (`echo 'echo hi' | docker run -i busybox sh`) it runs each line as it arrives and
 * exits with the last status at end of file. Commands run through the one interpreter of
 * `run.ts`, so they behave exactly as in `sh -c`.
 * @see busybox shell/ash.c at 1_25_1 (PS1 `\w \$ `, PS2 `> `); bash's default PS1 in the
 * ubuntu image's /root/.bashrc, `\u@\h:\w\$ `
 */
export function* shellSession(
  ctx: ShellContext,
  opts: { interactive: boolean; shell: 'sh' | 'bash'; quietStart?: boolean },
): Program {
  const run: Run = { ctx, shell: opts.shell, busy: 0 }
  let status = 0
  /** Text received but not yet a whole line. */
  let buffer = ''
  /** Lines of an unfinished compound command (`while …` waiting for `done`). */
  let pending = ''
  let prompt = !(opts.quietStart ?? false)
  for (;;) {
    if (opts.interactive && prompt) {
      yield { kind: 'out', stream: 2, text: pending === '' ? ps1(ctx, opts.shell) : '> ' }
    }
    prompt = true
    let r: ReadResult | undefined
    try {
      r = yield* nextInput(ctx)
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e
      // ^C at the prompt: the line is dropped, a fresh prompt on the next line.
      yield { kind: 'out', stream: 2, text: '\n' }
      pending = ''
      status = 130
      continue
    }
    if (r === undefined || r.kind === 'timeout' || r.kind === 'winch') {
      prompt = false
      continue
    }
    if (r.kind === 'eof') {
      // A last line without a newline still runs, as sh does at end of file.
      if (buffer !== '' || pending !== '') {
        const outcome = yield* runSource(`${pending}${buffer}`, run, opts.interactive)
        if (outcome.kind === 'exit') return outcome.code
        if (outcome.kind === 'incomplete') {
          yield {
            kind: 'out',
            stream: 2,
            text: `${opts.shell}: syntax error: unexpected end of file\n`,
          }
          status = 2
        } else status = outcome.status
      }
      if (opts.interactive) yield { kind: 'out', stream: 2, text: '\n' }
      return status
    }
    // Only the new text can hold the next newline: a long line arriving in pieces is not
    // scanned again from its start at every piece.
    const from = buffer.length
    buffer += r.text
    let ran = false
    for (let nl = buffer.indexOf('\n', from); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl + 1)
      buffer = buffer.slice(nl + 1)
      const source = pending + line
      const outcome = yield* runSource(source, run, opts.interactive)
      ran = true
      if (outcome.kind === 'exit') return outcome.code
      if (outcome.kind === 'incomplete') {
        pending = source
        continue
      }
      pending = ''
      status = outcome.status
    }
    // Half a line from a pipe: wait for the rest without a new prompt.
    if (!ran) prompt = false
  }
}

/** What an earlier `read` left unread is the shell's next input; then stdin. */
function* nextInput(
  ctx: ShellContext,
): Generator<Step, ReadResult | undefined, ReadResult | undefined> {
  if (ctx.unread.text !== '') {
    const text = ctx.unread.text
    ctx.unread.text = ''
    return { kind: 'data', text }
  }
  if (ctx.stdin === 'closed') return { kind: 'eof' }
  return yield { kind: 'read' }
}

type Outcome =
  | { kind: 'ran'; status: number }
  | { kind: 'exit'; code: number }
  | { kind: 'incomplete' }

function* runSource(
  source: string,
  run: Run,
  interactive: boolean,
): Generator<Step, Outcome, ReadResult | undefined> {
  let list: ReturnType<typeof parse>
  try {
    list = parse(source)
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    if (e.incomplete) return { kind: 'incomplete' }
    yield { kind: 'out', stream: 2, text: `${run.shell}: ${e.message}\n` }
    // A syntax error ends a shell reading a script; an interactive one prompts again.
    return interactive ? { kind: 'ran', status: 2 } : { kind: 'exit', code: 2 }
  }
  if (list.length === 0) return { kind: 'ran', status: Number(run.ctx.vars.get('?') ?? 0) }
  try {
    const status = yield* runList(list, run)
    return { kind: 'ran', status }
  } catch (e) {
    if (e instanceof Exit) return { kind: 'exit', code: e.code }
    if (e instanceof ShellError) {
      if (!interactive) return { kind: 'exit', code: e.code }
      run.ctx.vars.set('?', String(e.code))
      return { kind: 'ran', status: e.code }
    }
    if (e instanceof Interrupt) {
      // The foreground job died of SIGINT: 128 + 2, and the shell starts a fresh line.
      run.ctx.vars.set('?', '130')
      yield { kind: 'out', stream: 2, text: '\n' }
      return { kind: 'ran', status: 130 }
    }
    throw e
  }
}

/**
 * The prompt: busybox's default PS1 for root, `\w # ` (the working directory, HOME shown as
 * `~`), or bash's `root@HOSTNAME:\w# ` from the ubuntu image's .bashrc.
 */
function ps1(ctx: ShellContext, shell: 'sh' | 'bash'): string {
  const cwd = ctx.cwd.path
  const home = ctx.vars.get('HOME') ?? ''
  const shown =
    home !== '' && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))
      ? `~${cwd.slice(home.length)}`
      : cwd
  return shell === 'bash' ? `root@${ctx.process.hostname}:${shown}# ` : `${shown} # `
}
