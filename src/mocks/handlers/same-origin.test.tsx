import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDaemon } from '../../../tests/daemon/fake-daemon.ts'
import { createHandlers } from './index.ts'

// In a page (jsdom here) a path-only base means this origin only: the playground's
// `/docker-api/` must not capture requests to other hosts.
describe('createHandlers with a same-origin prefix, in a page', () => {
  it('serves location.origin + prefix and nothing else', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: '/docker-api/' })
    const here = await getResponse(
      handlers,
      new Request(`${location.origin}/docker-api/v1.24/_ping`),
    )
    expect(here?.status).toBe(200)
    expect(daemon.requests[0]?.path).toBe('/v1.24/_ping')
    const elsewhere = await getResponse(
      handlers,
      new Request('http://other.example/docker-api/_ping'),
    )
    expect(elsewhere).toBeUndefined()
  })
})
