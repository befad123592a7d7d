import { engineApi, json } from './client.ts'
import type { DockerManager } from './docker-manager.ts'
import type { InspectedExec } from './docker-types.ts'
import { execConfigBody } from './engine-api.ts'
import { initialSizes, SizeQueue } from './size-queue.ts'
import type { ByteStream, TermSize } from './types.ts'

/**
 * The streaming calls: ExecInContainer (exec.go NativeExecHandler), AttachContainer and the
 * resize handling between them, with kubectl's side (which streams it opens, its size queue)
 * in front. What reaches Docker follows pkg/kubelet/server/remotecommand/httpstream.go: with a
 * TTY there is no stderr stream (kubectl drops it, attach.go/exec.go `p.Err = nil`), so the
 * exec is created with AttachStderr false and the attach sent without `stderr=1`.
 */

export interface StreamIo {
  /** kubectl -i: a stdin stream exists. */
  stdin: boolean
  tty: boolean
  /** Output as it arrives: raw with a TTY, demultiplexed without. */
  onOutput?: (data: Uint8Array, stream: 'stdout' | 'stderr') => void
}

export interface StreamHandle {
  /** Keys or piped input (only with `stdin`). */
  write(data: Uint8Array | string): void
  /** End of input (CloseWrite). */
  closeStdin(): void
  /** A window change (1.4 with a TTY): false when kubectl's size queue dropped it. */
  resize(size: TermSize): boolean
  /** Hang up at once (Ctrl-C on kubectl logs -f, a closed terminal). */
  hangUp(): void
  /** The exit code (exec; null for attach), once the stream and its follow-up calls end. */
  done: Promise<{ exitCode: number | null }>
}

/** docker/pkg/stdcopy frames: 8-byte header (stream, 0, 0, 0, size BE). */
export class Demultiplexer {
  private buffer = new Uint8Array(0)
  constructor(private readonly emit: (data: Uint8Array, stream: 'stdout' | 'stderr') => void) {}
  push(chunk: Uint8Array): void {
    const merged = new Uint8Array(this.buffer.length + chunk.length)
    merged.set(this.buffer)
    merged.set(chunk, this.buffer.length)
    let offset = 0
    while (merged.length - offset >= 8) {
      const size =
        ((merged[offset + 4] ?? 0) << 24) |
        ((merged[offset + 5] ?? 0) << 16) |
        ((merged[offset + 6] ?? 0) << 8) |
        (merged[offset + 7] ?? 0)
      if (merged.length - offset - 8 < size) break
      const kind = merged[offset] === 2 ? 'stderr' : 'stdout'
      this.emit(merged.slice(offset + 8, offset + 8 + size), kind)
      offset += 8 + size
    }
    this.buffer = merged.slice(offset)
  }
}

function pump(stream: ByteStream, io: StreamIo): Promise<void> {
  const demux = io.tty ? null : new Demultiplexer((d, s) => io.onOutput?.(d, s))
  return (async () => {
    for (;;) {
      const chunk = await stream.read()
      if (chunk === null) return
      if (demux) demux.push(chunk)
      else io.onOutput?.(chunk, 'stdout')
    }
  })()
}

/** Resize calls as HandleResizing makes them: one at a time, sizes below 1×1 skipped. */
function handleResizing(queue: SizeQueue, resize: (size: TermSize) => Promise<unknown>) {
  return (async () => {
    for (;;) {
      const size = await queue.next()
      if (size === null) return
      if (size.height < 1 || size.width < 1) continue
      await resize(size).catch(() => undefined)
    }
  })()
}

export interface ExecOptions extends StreamIo {
  containerId: string
  cmd: string[]
  /** kubectl's terminal size (1.4 with a TTY); null = no resize stream. */
  size: TermSize | null
  /** A resize stream of the caller's own instead of kubectl's (a harness feeding sizes). */
  queue?: SizeQueue
  /** How long the kubelet waits between InspectExec polls while the process still runs (2 s). */
  sleep: (ms: number) => Promise<void>
}

/** DockerManager.ExecInContainer → NativeExecHandler.ExecInContainer. */
export async function execInContainer(dm: DockerManager, o: ExecOptions): Promise<StreamHandle> {
  const client = dm.client
  await client.send('inspectExecTarget', engineApi.inspectContainer(o.containerId))
  const created = json<{ Id: string }>(
    await client.send(
      'createExec',
      engineApi.createExec(
        o.containerId,
        execConfigBody({
          tty: o.tty,
          attachStdin: o.stdin,
          attachStdout: true,
          attachStderr: !o.tty,
          cmd: o.cmd,
        }),
      ),
    ),
  )
  const queue = dm.release !== '1.4' || !o.tty ? null : (o.queue ?? kubectlQueue('exec', o.size))
  // exec.go starts HandleResizing's goroutine before the blocking StartExec, so kubectl's first
  // size races the start. Recorded against a daemon, the real 1.4 kubelet sent it before the
  // start in 2 of 3 runs (404: the exec is not running yet) and after it once. The model sends
  // it after the start, the order the source's comment intends, so its traces do not vary.
  const started = await client.send('startExec', engineApi.startExec(created.Id, o.tty))
  const stream = started.stream
  const resizing = queue
    ? handleResizing(queue, (size) =>
        client.send('resizeExec', engineApi.resizeExec(created.Id, size)),
      )
    : Promise.resolve()
  const done = (async () => {
    if (stream) await pump(stream, o)
    queue?.close()
    await resizing
    // InspectExec until the process is gone: every 2 s, at most 5 times (exec.go)
    for (let count = 0; ; count++) {
      const inspected = json<InspectedExec>(
        await client.send('inspectExec', engineApi.inspectExec(created.Id)),
      )
      if (!inspected.Running || count === 4) return { exitCode: inspected.ExitCode ?? 0 }
      await o.sleep(2000)
    }
  })()
  return handleFor(stream, queue, done)
}

export interface AttachOptions extends StreamIo {
  containerId: string
  size: TermSize | null
  queue?: SizeQueue
}

/** AttachContainer: no inspect before or after; HandleResizing starts with the attach (1.4). */
export async function attachContainer(dm: DockerManager, o: AttachOptions): Promise<StreamHandle> {
  const client = dm.client
  const queue = dm.release !== '1.4' || !o.tty ? null : (o.queue ?? kubectlQueue('attach', o.size))
  // The same race as exec's: HandleResizing runs beside the blocking attach, and the real 1.4
  // kubelet, recorded against a daemon, sent the first size before the attach in 1 of 3 runs.
  // The model attaches first.
  const attached = await client.send(
    'attach',
    engineApi.attach(o.containerId, { stdin: o.stdin, stdout: true, stderr: !o.tty }),
  )
  const stream = attached.stream
  const resizing = queue
    ? handleResizing(queue, (size) =>
        client.send('resizeContainer', engineApi.resizeContainer(o.containerId, size)),
      )
    : Promise.resolve()
  const done = (async () => {
    if (stream) await pump(stream, o)
    queue?.close()
    await resizing
    return { exitCode: null }
  })()
  return handleFor(stream, queue, done)
}

/** kubectl 1.4's size queue: one slot for exec, two for attach (size+1, then size). */
function kubectlQueue(kind: 'exec' | 'attach', size: TermSize | null): SizeQueue | null {
  if (!size) return null
  const initial = initialSizes(kind, size)
  return new SizeQueue(initial.length, initial)
}

function handleFor(
  stream: ByteStream | undefined,
  queue: SizeQueue | null,
  done: Promise<{ exitCode: number | null }>,
): StreamHandle {
  return {
    write: (data) => stream?.write?.(data),
    closeStdin: () => stream?.closeWrite?.(),
    resize: (size) => (queue ? queue.offer(size) : false),
    hangUp: () => {
      queue?.close()
      stream?.close()
    },
    done,
  }
}
