/**
 * Child process of `bench/daemon.ts`: the pure model, no HTTP, in a fresh process so that
 * `process.memoryUsage().rss` measures the daemon and not the load generator. Run with
 * `--expose-gc` so memory is measured after a collection.
 *
 * `latency` (default): creates containers one by one through `daemon.handle` (as a client
 * would) up to 10,000 and times `GET /containers/json?all=1` (body included) at 1k/2k/5k/10k,
 * twice: repeated lists with nothing changed in between (`medianMs`, `minMs`: the list cache
 * answers lists of up to 2,000 entries; larger ones are built every time), and `cold*` lists
 * right after a write that invalidates every cached entry (a tag, which may change any
 * container's Image column), so every entry is built and serialised.
 * `memory`: creates 10,000 containers and nothing else, then reads RSS and heap after a GC,
 * so the list bodies of the latency runs do not count; then lists them once and reads RSS
 * again (what a list leaves behind, garbage the allocator keeps included).
 * Prints one JSON line.
 */
import type { DaemonResponse } from '../src/daemon/index.ts'
import { createDaemon } from '../src/daemon/index.ts'

const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000] as const
const RUNS = 7
const WARMUP_RUNS = 3
const encoder = new TextEncoder()
const decoder = new TextDecoder()
const createBody = encoder.encode(JSON.stringify({ Image: 'busybox', Cmd: ['sleep', '3600'] }))
const gc = (globalThis as { gc?: () => void }).gc

async function bodyLength(response: DaemonResponse): Promise<number> {
  const { body } = response
  if (body === null) return 0
  if (typeof body === 'string') return body.length
  if (body instanceof Uint8Array) return decoder.decode(body).length
  let length = 0
  for await (const chunk of body) length += chunk.byteLength
  return length
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

type Daemon = ReturnType<typeof createDaemon>

async function createUpTo(daemon: Daemon, count: number): Promise<void> {
  while (daemon.state.containers.size < count) {
    const response = await daemon.handle({
      method: 'POST',
      path: '/containers/create',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json' },
      body: createBody,
    })
    if (response.status !== 201) throw new Error(`create answered ${response.status}`)
  }
}

/** One container count of the list-latency curve. */
export interface ListPoint {
  containers: number
  medianMs: number
  minMs: number
  coldMedianMs: number
  coldMinMs: number
  bytes: number
}

async function latency(): Promise<object> {
  const daemon = createDaemon({ dockerVersion: '1.12.6' })
  const list: ListPoint[] = []
  let createMs = 0
  for (const checkpoint of CHECKPOINTS) {
    const t0 = performance.now()
    await createUpTo(daemon, checkpoint)
    createMs += performance.now() - t0
    const times: number[] = []
    let bytes = 0
    // The first runs at each size warm the JIT up; they are not counted.
    for (let run = -WARMUP_RUNS; run < RUNS; run++) {
      const t1 = performance.now()
      const response = await daemon.handle({
        method: 'GET',
        path: '/containers/json',
        query: new URLSearchParams({ all: '1' }),
        headers: {},
        body: null,
      })
      bytes = await bodyLength(response)
      if (run >= 0) times.push(performance.now() - t1)
    }
    // Cold: a write first (tagging an image moves the daemon's global revision), so the list
    // rebuilds and re-serialises every entry.
    const coldTimes: number[] = []
    for (let run = -1; run < RUNS; run++) {
      const tagged = await daemon.handle({
        method: 'POST',
        path: '/images/busybox/tag',
        query: new URLSearchParams({ repo: 'bench', tag: `cold${checkpoint}-${run + 1}` }),
        headers: {},
        body: null,
      })
      if (tagged.status !== 201) throw new Error(`tag answered ${tagged.status}`)
      const t1 = performance.now()
      const response = await daemon.handle({
        method: 'GET',
        path: '/containers/json',
        query: new URLSearchParams({ all: '1' }),
        headers: {},
        body: null,
      })
      await bodyLength(response)
      if (run >= 0) coldTimes.push(performance.now() - t1)
    }
    list.push({
      containers: checkpoint,
      medianMs: median(times),
      minMs: Math.min(...times),
      coldMedianMs: median(coldTimes),
      coldMinMs: Math.min(...coldTimes),
      bytes,
    })
  }
  daemon.dispose()
  const last = CHECKPOINTS[CHECKPOINTS.length - 1] ?? 0
  return { list, createPerSecond: Math.round((last / createMs) * 1000) }
}

async function memory(): Promise<object> {
  gc?.()
  const rssBefore = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed
  const daemon = createDaemon({ dockerVersion: '1.12.6' })
  await createUpTo(daemon, 10_000)
  const rssPeak = process.memoryUsage().rss
  gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  // In a function of its own, so that the body is garbage (not a live local) at the GC below.
  const listOnce = async () =>
    bodyLength(
      await daemon.handle({
        method: 'GET',
        path: '/containers/json',
        query: new URLSearchParams({ all: '1' }),
        headers: {},
        body: null,
      }),
    )
  const listedBytes = await listOnce()
  gc?.()
  const afterList = process.memoryUsage()
  return {
    rssAfterListMb: afterList.rss / 2 ** 20,
    heapAfterListMb: afterList.heapUsed / 2 ** 20,
    listedBytes,
    rssMb: rss / 2 ** 20,
    rssBeforeGcMb: rssPeak / 2 ** 20,
    rssBeforeMb: rssBefore / 2 ** 20,
    heapUsedMb: heapUsed / 2 ** 20,
    daemonHeapMb: (heapUsed - heapBefore) / 2 ** 20,
    gcExposed: gc !== undefined,
    // Also keeps the daemon reachable until after the measurement.
    containersHeld: daemon.state.containers.size,
  }
}

const mode = process.argv[2] === 'memory' ? memory : latency
process.stdout.write(`${JSON.stringify(await mode())}\n`)
