import { type ProcessInput, plan, type StartFailure } from '../process.ts'
import type { DaemonResponse } from '../types.ts'
import { LiveProcess } from './live-process.ts'

/**
 * For the unit tests of processes and the shell: one process run by the real driver on a clock
 * of its own, moved by hand (`advance`), with what it wrote, in order, and how it ended.
 */
export interface TestProcess {
  proc: LiveProcess
  /** Chunks as the driver emitted them: stream, text, and the daemon time they carry. */
  chunks: Array<{ stream: 1 | 2; text: string; at: number }>
  stdout(): string
  stderr(): string
  /** Both streams as `1:text` / `2:text` pieces, in order. */
  both(): string
  exitCode: number | null
  now: number
  /** Moves the clock `ms` forward, running every wake-up due on the way. */
  advance(ms: number): void
  ignoresSigterm: boolean
  termExitCode: number
  runForMs: number | null
}

export function startProcess(
  input: Partial<ProcessInput> & { argv: string[] },
): TestProcess | StartFailure {
  let now = Date.parse('2017-01-14T12:00:00Z')
  const full: ProcessInput = { tty: false, openStdin: false, now: () => now, ...input }
  const p = plan(full)
  if (p.kind === 'fails') return p
  const timers: Array<{ at: number; fn: (at: number) => void; live: boolean; seq: number }> = []
  let seq = 0
  const t: TestProcess = {
    proc: undefined as unknown as LiveProcess,
    chunks: [],
    stdout: () =>
      t.chunks
        .filter((c) => c.stream === 1)
        .map((c) => c.text)
        .join(''),
    stderr: () =>
      t.chunks
        .filter((c) => c.stream === 2)
        .map((c) => c.text)
        .join(''),
    both: () => t.chunks.map((c) => `${c.stream}:${c.text}`).join(''),
    exitCode: null,
    get now() {
      return now
    },
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
        const next = timers.find((x) => x.live && x.at <= until)
        if (next === undefined) break
        next.live = false
        now = Math.max(now, next.at)
        next.fn(next.at)
      }
      now = until
    },
    ignoresSigterm: p.ignoresSigterm,
    termExitCode: p.termExitCode,
    runForMs: p.runForMs,
  }
  t.proc = new LiveProcess(p.program, p.terminal, {
    emit: (stream, text, at) => t.chunks.push({ stream, text, at: at ?? now }),
    exit: (code) => {
      t.exitCode = code
    },
    at: (at, fn) => {
      const entry = { at, fn, live: true, seq: seq++ }
      timers.push(entry)
      return () => {
        entry.live = false
      }
    },
    nowMs: () => now,
  })
  t.proc.start()
  return t
}

/** `startProcess`, for a command that must start: fails the test otherwise. */
export function run(input: Partial<ProcessInput> & { argv: string[] }): TestProcess {
  const t = startProcess(input)
  if ('kind' in t) throw new Error(`expected ${input.argv.join(' ')} to start: ${t.message}`)
  return t
}

const decoder = new TextDecoder()

/** Reads a streamed body in the background; `text()` is what arrived so far. */
export function reader(res: DaemonResponse) {
  const chunks: Uint8Array[] = []
  let ended = false
  const body = res.body
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    throw new Error('expected a stream')
  }
  const done = (async () => {
    for await (const c of body) chunks.push(c)
    ended = true
  })()
  const bytes = () => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
    let o = 0
    for (const c of chunks) {
      all.set(c, o)
      o += c.byteLength
    }
    return all
  }
  return {
    text: () => decoder.decode(bytes()),
    bytes,
    get ended() {
      return ended
    },
    done,
  }
}
