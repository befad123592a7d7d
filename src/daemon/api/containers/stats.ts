import type { Engine } from '../../engine.ts'
import { ChunkQueue } from '../../model/events.ts'
import { type ContainerRecord, isRunning, type JsonObject } from '../../model/state.ts'
import { rfc3339Nano, ZERO_TIME } from '../../wire/clock.ts'
import { boolValueOrDefault, type Ctx, type Handler, versionLT } from '../context.ts'
import { goJSON, json, stream, TEXT_TYPE, utf8 } from '../http.ts'

/** GET /containers/{id}/stats: made-up samples in the shape of `types.Stats`. */

const EMPTY_CPU = {
  cpu_usage: { total_usage: 0, percpu_usage: null, usage_in_kernelmode: 0, usage_in_usermode: 0 },
  system_cpu_usage: 0,
  throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
}

const EMPTY_BLKIO = {
  io_service_bytes_recursive: null,
  io_serviced_recursive: null,
  io_queue_recursive: null,
  io_service_time_recursive: null,
  io_wait_time_recursive: null,
  io_merged_recursive: null,
  io_time_recursive: null,
  sectors_recursive: null,
}

/** `types.Stats{}` as json.Encoder writes it (struct omitempty has no effect in Go). */
export const EMPTY_STATS = {
  read: ZERO_TIME,
  precpu_stats: EMPTY_CPU,
  cpu_stats: EMPTY_CPU,
  memory_stats: { usage: 0, max_usage: 0, stats: null, failcnt: 0, limit: 0 },
  blkio_stats: EMPTY_BLKIO,
  pids_stats: {},
}

function sample(e: Engine, c: ContainerRecord, n: number, version: string): JsonObject {
  const uptime = Math.max(1, e.clock.nowMs() - Date.parse(c.state.startedAt)) + n * 1000
  const total = Math.round(uptime * 12_000 + c.state.pid)
  // Nanoseconds pass 2^31 three minutes in: halve with division, not a 32-bit shift.
  const cpu = (t: number) => ({
    cpu_usage: {
      total_usage: t,
      percpu_usage: [Math.floor(t / 2), t - Math.floor(t / 2), 0, 0],
      usage_in_kernelmode: Math.round(t * 0.2),
      usage_in_usermode: Math.round(t * 0.7),
    },
    system_cpu_usage: 1_000_000 * (1_234_567 + Math.round(uptime / 10)),
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  })
  const usage = 1_597_440 + (c.state.pid % 97) * 4096
  const memLimit =
    typeof c.hostConfig.Memory === 'number' && c.hostConfig.Memory > 0
      ? c.hostConfig.Memory
      : 8_369_942_528
  const net = {
    rx_bytes: 648 + n * 90,
    rx_packets: 8 + n,
    rx_errors: 0,
    rx_dropped: 0,
    tx_bytes: 648,
    tx_packets: 8,
    tx_errors: 0,
    tx_dropped: 0,
  }
  const base: JsonObject = {
    read: rfc3339Nano(new Date(e.clock.nowMs() + n * 1000)),
    precpu_stats: n === 0 ? EMPTY_CPU : cpu(total - 12_000_000),
    cpu_stats: cpu(total),
    memory_stats: {
      usage,
      max_usage: usage + 262_144,
      stats: {
        cache: 0,
        rss: usage - 65_536,
        total_rss: usage - 65_536,
        pgfault: 1_130,
        pgmajfault: 0,
      },
      failcnt: 0,
      limit: memLimit,
    },
    blkio_stats: EMPTY_BLKIO,
    pids_stats: { current: 1 + c.execIds.length },
  }
  if (versionLT({ version } as Ctx, '1.21')) return { ...base, network: net }
  return { ...base, networks: c.networks.length > 0 ? { eth0: net } : null }
}

export const stats: Handler = (ctx) => {
  const e = ctx.engine
  const streaming = boolValueOrDefault(ctx, 'stream', true)
  const c = e.registry.getContainer(ctx.param)
  if ((!isRunning(c) || c.state.status === 'restarting') && !streaming) {
    return json(200, EMPTY_STATS)
  }
  if (!streaming) return json(200, sample(e, c, 1, ctx.version))
  // One sample per second (daemon clock) while the container runs, as the stats collector
  // does. A container that is not running publishes nothing (the stream stays open and idle);
  // the stream ends when the container is removed (statsCollector.stopCollection).
  const q = new ChunkQueue()
  let n = 0
  if (isRunning(c) && c.state.status !== 'restarting')
    q.push(utf8(goJSON(sample(e, c, n++, ctx.version))))
  const stop = e.clock.every(1000, () => {
    if (!e.state.containers.has(c.id)) {
      stop()
      q.close()
      return
    }
    if (isRunning(c) && c.state.status !== 'restarting')
      q.push(utf8(goJSON(sample(e, c, n++, ctx.version))))
  })
  q.onCancel = stop
  // The stats handler flushes before the first sample: Go sniffs an empty body (text/plain).
  return stream(q, TEXT_TYPE)
}
