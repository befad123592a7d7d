/**
 * CPU-profile helper for the daemon benchmark: `node --cpu-prof --import tsx bench/daemon-profile.ts [resize|list|handle-list]`.
 * Times one request kind in a loop, in-process, so a profile shows only the adapter and daemon.
 * - `resize`: msw getResponse → daemon, POST /containers/{id}/resize (the adapter's own cost)
 * - `list`: msw getResponse → daemon, GET /containers/json with 100 running containers
 * - `handle-list`: daemon.handle alone for the same list (the model's cost)
 */
import { getResponse } from 'msw'
import { createHandlers } from '../src/mocks/handlers/index.ts'
import { prepareDaemon } from './daemon.ts'

const mode = process.argv[2] ?? 'resize'
const { daemon, firstId } = await prepareDaemon(100)
const handlers = createHandlers(daemon)
const iterations = mode === 'resize' ? 20_000 : 2_000
const started = performance.now()
for (let i = 0; i < iterations; i++) {
  if (mode === 'handle-list') {
    await daemon.handle({
      method: 'GET',
      path: '/containers/json',
      query: new URLSearchParams(),
      headers: {},
      body: null,
    })
    continue
  }
  const url =
    mode === 'list'
      ? 'http://127.0.0.1:2375/containers/json'
      : `http://127.0.0.1:2375/containers/${firstId}/resize?h=40&w=80`
  const response = await getResponse(
    handlers,
    new Request(url, { method: mode === 'list' ? 'GET' : 'POST' }),
  )
  await response?.arrayBuffer()
}
process.stdout.write(
  `${mode}: ${(((performance.now() - started) / iterations) * 1000).toFixed(1)} µs per request\n`,
)
daemon.dispose()
