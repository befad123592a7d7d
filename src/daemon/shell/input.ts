import type { CommandIO, ReadResult, Step } from './program.ts'

/**
 * Reading stdin from a command: what an earlier `read` left over comes first, then the driver is
 * asked. A closed stdin (no `-i`) is at end of file at once.
 */
export function* readInput(
  io: CommandIO,
  timeoutMs?: number,
): Generator<Step, ReadResult, ReadResult | undefined> {
  const { ctx } = io
  if (ctx.unread.text !== '') {
    const text = ctx.unread.text
    ctx.unread.text = ''
    return { kind: 'data', text }
  }
  if (ctx.stdin === 'closed') return { kind: 'eof' }
  const r = yield timeoutMs === undefined ? { kind: 'read' } : { kind: 'read', timeoutMs }
  return r ?? { kind: 'eof' }
}

/** One line of stdin (without its newline), or null at end of file; the rest stays unread. */
export function* readLine(io: CommandIO): Generator<Step, string | null, ReadResult | undefined> {
  let text = ''
  let from = 0
  for (;;) {
    const nl = text.indexOf('\n', from)
    if (nl >= 0) {
      io.ctx.unread.text = text.slice(nl + 1) + io.ctx.unread.text
      return text.slice(0, nl)
    }
    from = text.length
    const r = yield* readInput(io)
    if (r.kind === 'eof') return text === '' ? null : text
    if (r.kind === 'data') text += r.text
  }
}

/** All of stdin up to end of file. */
export function* readAll(io: CommandIO): Generator<Step, string, ReadResult | undefined> {
  let text = ''
  for (;;) {
    const r = yield* readInput(io)
    if (r.kind === 'eof') return text
    if (r.kind === 'data') text += r.text
  }
}
