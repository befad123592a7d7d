/**
 * CPU-profile helper for the daemon benchmark: `node --cpu-prof --import tsx bench/daemon-profile.ts [mode]`.
 * Times one request kind in a loop, in-process, so a profile shows only the adapter and daemon.
 * - `resize`: msw getResponse → MSW handler → daemon, POST /containers/{id}/resize (the browser's
 *   and the tests' adapter cost)
 * - `list`: the same for GET /containers/json with 100 running containers
 * - `fetch-resize`, `fetch-list`: the same requests through `daemonFetch` alone, what the
 *   node:http server calls (no MSW)
 * - `handle-list`: daemon.handle alone for the same list (the model's cost)
 */
import { getResponse } from 'msw'
import { daemonFetch } from '../src/daemon-fetch/index.ts'
import { createHandlers } from '../src/mocks/handlers/index.ts'
import { prepareDaemon } from './daemon.ts'

const mode = process.argv[2] ?? 'resize'
const { daemon, firstId } = await prepareDaemon(100)
const handlers = createHandlers(daemon)
const answer = daemonFetch(daemon)
const iterations = mode.endsWith('resize') ? 20_000 : 2_000
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
  const list = mode.endsWith('list')
  const request = new Request(
    list
      ? 'http://127.0.0.1:2375/containers/json'
      : `http://127.0.0.1:2375/containers/${firstId}/resize?h=40&w=80`,
    { method: list ? 'GET' : 'POST' },
  )
  const response = mode.startsWith('fetch-')
    ? await answer(request)
    : await getResponse(handlers, request)
  // Drained through a reader, as the server writes it: `arrayBuffer()` would add undici's own
  // copy of the body (≈ 150 µs more for the 78 KB list), which is the consumer's cost, not ours.
  const reader = response?.body?.getReader()
  if (reader) while (!(await reader.read()).done) {}
}
process.stdout.write(
  `${mode}: ${(((performance.now() - started) / iterations) * 1000).toFixed(1)} µs per request\n`,
)
daemon.dispose()
