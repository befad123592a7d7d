import { Agent } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Daemon, SimulatedDaemon } from '../../src/daemon/index.ts'
import { deterministicDaemon, runScenario, scenarios } from '../../src/scenarios/index.ts'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'

import { sendOverHttp } from './http-send.ts'

/**
 * Every status-code scenario of src/scenarios, through the real HTTP server (node:http →
 * daemonFetch → daemon), with the same expectations as the model test. One server; behind
 * it a fresh deterministic daemon per scenario.
 */

let current: SimulatedDaemon = deterministicDaemon()
/** Forwards to whichever daemon the running scenario uses. */
const switchable: Daemon = {
  handle: (request) => current.handle(request),
  get state() {
    return current.state
  },
  reset: () => current.reset(),
  snapshot: () => current.snapshot(),
  restore: (json) => current.restore(json),
  stdin: (token) => current.stdin(token),
}

let server: DaemonServer
const agent = new Agent({ keepAlive: true, maxSockets: 4 })

beforeAll(async () => {
  server = await startDaemonServer({ port: 0, daemon: switchable, log: null })
})
afterEach(() => {
  current.dispose()
})
afterAll(async () => {
  agent.destroy()
  await server.close()
})

describe('status-code scenarios through HTTP', () => {
  it.each(scenarios.map((s) => [`${s.endpointId} — ${s.name}`, s] as const))(
    '%s',
    async (_name, s) => {
      current = deterministicDaemon(s.dockerVersion)
      const result = await runScenario(s, sendOverHttp(server.url, agent))
      expect(result.problems).toEqual([])
    },
  )
})
