import type { StdinSession } from '../types.ts'

/** `term.ToBytes`: "ctrl-p,ctrl-q" → [16, 17]; throws on a key it does not know. */
export function detachKeyBytes(keys: string): number[] {
  const out: number[] = []
  for (const part of keys.split(',')) {
    const k = part.trim()
    const ctrl = /^ctrl-(.)$/i.exec(k)
    if (ctrl?.[1] !== undefined) {
      const ch = ctrl[1].toLowerCase()
      const code =
        ch >= 'a' && ch <= 'z'
          ? ch.charCodeAt(0) - 96
          : ({ '@': 0, '[': 27, '\\': 28, ']': 29, '^': 30, _: 31 } as Record<string, number>)[ch]
      if (code === undefined) throw new Error('bad key')
      out.push(code)
    } else if (k.length === 1) {
      out.push(k.charCodeAt(0))
    } else {
      throw new Error('bad key')
    }
  }
  return out
}

/** copyEscapable's default when no detach keys are configured: Ctrl-P Ctrl-Q. */
const DEFAULT_DETACH = [16, 17]

const encoder = new TextEncoder()

export interface HijackedStdinOptions {
  /** The process's stdin (see Engine.stdinOf). */
  target: { input(text: string): void; closeStdin(): void }
  /** The process has a TTY: detach keys apply, and closing stdin ends the attach. */
  tty: boolean
  /** Config.StdinOnce (always true for exec): end of input closes the process's stdin. */
  stdinOnce: boolean
  detachKeys: number[]
  /** The attach is over: after the detach keys (`detached`), or because stdin ended. */
  endAttach(detached: boolean): void
  /** Forget the session's token. */
  unregister(): void
}

/**
 * The stdin half of a hijacked attach or exec start, as container.AttachStreams and
 * copyEscapable did it at v1.12.6: with a TTY the bytes pass an escape proxy that detaches on
 * the detach keys — each key must arrive as a read of its own, one byte long, as a terminal in
 * raw mode sends it — and end of input ends the attach (the process keeps running). Without a
 * TTY the bytes pass as they are, and end of input closes the process's stdin when StdinOnce
 * is set (`cat` sees end of file), or ends the attach otherwise.
 * @see moby container/container.go AttachStreams, copyEscapable at v1.12.6
 */
export class HijackedStdin implements StdinSession {
  private readonly decoder = new TextDecoder()
  private held: Uint8Array[] = []
  private matched = 0
  private done = false

  constructor(private readonly o: HijackedStdinOptions) {}

  write(data: Uint8Array | string): void {
    if (this.done) return
    const bytes = typeof data === 'string' ? encoder.encode(data) : data
    if (bytes.byteLength === 0) return
    if (!this.o.tty) {
      this.pass(bytes)
      return
    }
    const keys = this.o.detachKeys.length === 0 ? DEFAULT_DETACH : this.o.detachKeys
    if (bytes.byteLength === 1 && bytes[0] === keys[this.matched]) {
      this.held.push(bytes)
      this.matched++
      if (this.matched === keys.length) {
        this.held = []
        this.close()
        this.o.endAttach(true)
      }
      return
    }
    this.flushHeld()
    this.pass(bytes)
  }

  end(): void {
    if (this.done) return
    // A detach sequence cut short by end of input is written as typed.
    this.flushHeld()
    const rest = this.decoder.decode()
    if (rest !== '') this.o.target.input(rest)
    this.close()
    if (this.o.stdinOnce && !this.o.tty) this.o.target.closeStdin()
    else this.o.endAttach(false)
  }

  /** The attach ended on the output side: nothing more is read. */
  close(): void {
    if (this.done) return
    this.done = true
    this.o.unregister()
  }

  private flushHeld(): void {
    const held = this.held
    this.held = []
    this.matched = 0
    for (const h of held) this.pass(h)
  }

  private pass(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes, { stream: true })
    if (text !== '') this.o.target.input(text)
  }
}

/** Iterates `body` and calls `onEnd` once, however the iteration stops (end, cancel, error). */
export async function* withEnd(
  body: AsyncIterable<Uint8Array>,
  onEnd: () => void,
): AsyncIterable<Uint8Array> {
  try {
    yield* body
  } finally {
    onEnd()
  }
}
