import { KubeletNode, type NodeOptions } from './node.ts'
import {
  findContainer,
  type OperationOptions,
  runOperationOn,
  startPodsAsSetup,
} from './operations.ts'
import type { PodSpec } from './pod.ts'
import { shellPod, webPod } from './pods.ts'
import { attachContainer, execInContainer, type StreamHandle } from './streams.ts'
import type { KubeletCall, OperationId, Release, TermSize } from './types.ts'

export interface RunResult {
  operation: OperationId
  release: Release
  /** Every call of the run, setup first, in the order sent. */
  calls: KubeletCall[]
  /** What the kubelet's code returned, when it failed (e.g. a pull error). */
  error?: string
}

export interface TerminalOptions {
  kind: 'exec' | 'attach'
  /** kubectl's terminal size; with 1.4 it is sent as the first resize(s). */
  size: TermSize
  /** exec: the command (default `sh`). */
  command?: string[]
  onOutput?: (data: Uint8Array) => void
}

export interface Kubelet {
  readonly release: Release
  /** The node behind it (pods, PLEG cache, loops) for UIs that drive loops themselves. */
  readonly node: KubeletNode
  /** Runs an operation (its setup first, flagged) and returns its calls. */
  run(id: OperationId, options?: OperationOptions): Promise<RunResult>
  /**
   * kubectl exec -it / attach -it as a live session: the pod is started first if needed
   * (setup calls), then the kubelet's real sequence (list first, no stderr on a TTY, no
   * inspect around an attach). Keys go through `write`, window changes through `resize`.
   */
  openTerminal(options: TerminalOptions): Promise<StreamHandle & { calls: KubeletCall[] }>
}

/** A kubelet of a release, talking to Docker only through `transport`. */
export function createKubelet(options: NodeOptions): Kubelet {
  // each run or session collects the calls made while it is open
  const sinks = new Set<KubeletCall[]>()
  const node = new KubeletNode({
    ...options,
    onCall: (call) => {
      for (const sink of sinks) sink.push(call)
      options.onCall?.(call)
    },
  })
  return {
    release: options.release,
    node,
    async run(id, runOptions) {
      const calls: KubeletCall[] = []
      sinks.add(calls)
      try {
        await runOperationOn(node, id, runOptions)
        return { operation: id, release: options.release, calls }
      } catch (error) {
        return {
          operation: id,
          release: options.release,
          calls,
          error: error instanceof Error ? error.message : String(error),
        }
      } finally {
        sinks.delete(calls)
      }
    },
    async openTerminal(terminal) {
      const calls: KubeletCall[] = []
      const id: OperationId = terminal.kind === 'exec' ? 'exec-it' : 'attach-it'
      const pod: PodSpec = terminal.kind === 'exec' ? webPod(0, node.salt) : shellPod(node.salt)
      const name = pod.containers[0]?.name ?? ''
      sinks.add(calls)
      try {
        if (!node.pods.has(pod.uid)) await startPodsAsSetup(node, id, [pod])
        node.client.operation = id
        const containerId = await findContainer(node, pod, name)
        const io = {
          stdin: true,
          tty: true,
          size: terminal.size,
          onOutput: (data: Uint8Array) => terminal.onOutput?.(data),
        }
        const handle =
          terminal.kind === 'exec'
            ? await execInContainer(node.dm, {
                ...io,
                containerId,
                cmd: terminal.command ?? ['sh'],
                sleep: node.sleep,
              })
            : await attachContainer(node.dm, { ...io, containerId })
        // the session's later calls (resizes, the exec inspect) land in `calls` until it ends
        // (a rejected `done` is the caller's to handle; this chain must not report it again)
        const stop = () => sinks.delete(calls)
        handle.done.then(stop, stop)
        return { ...handle, calls }
      } catch (error) {
        sinks.delete(calls)
        throw error
      }
    },
  }
}
