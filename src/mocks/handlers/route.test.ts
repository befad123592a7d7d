import { getResponse } from 'msw'
import { setupServer } from 'msw/node'
import { describe, expect, it, vi } from 'vitest'
import { DaemonRequestHandler } from './route.ts'

describe('DaemonRequestHandler', () => {
  it('extends RequestHandler through its documented hooks only (no internal like run)', () => {
    // A custom request handler in MSW's docs implements parse, predicate and log; everything
    // else (run, the request clone, the execution result) is MSW's own and may change in 2.x.
    expect(Object.getOwnPropertyNames(DaemonRequestHandler.prototype).sort()).toEqual([
      'constructor',
      'log',
      'parse',
      'predicate',
    ])
  })

  it('getResponse gets the resolver’s response, and only for matching URLs', async () => {
    const seen: string[] = []
    const handler = new DaemonRequestHandler('test', /^http:\/\/docker\.local\//, ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`)
      return new Response('pong', { status: 200, headers: { 'content-type': 'text/plain' } })
    })
    expect(await getResponse([handler], new Request('http://example.com/_ping'))).toBeUndefined()
    expect(handler.isUsed).toBe(false)
    const hit = await getResponse([handler], new Request('http://docker.local/_ping'))
    expect(hit?.status).toBe(200)
    expect(await hit?.text()).toBe('pong')
    expect(handler.isUsed).toBe(true)
    expect(seen).toEqual(['GET /_ping'])
  })

  it('answers fetch under setupServer, body included, and logs what it answered', async () => {
    const handler = new DaemonRequestHandler(
      'docker',
      /^http:\/\/docker\.local\//,
      async ({ request }) => new Response(`got ${await request.text()}`, { status: 201 }),
    )
    const server = setupServer(handler)
    server.listen({ onUnhandledRequest: 'error' })
    try {
      const response = await fetch('http://docker.local/containers/create', {
        method: 'POST',
        body: '{"Image":"busybox"}',
      })
      expect(response.status).toBe(201)
      expect(await response.text()).toBe('got {"Image":"busybox"}')
    } finally {
      server.close()
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    handler.log({
      request: new Request('http://docker.local/_ping'),
      response: new Response(null, { status: 204, statusText: 'No Content' }),
    })
    expect(log).toHaveBeenCalledWith(
      '[MSW] GET http://docker.local/_ping (204 No Content) via docker ^http:\\/\\/docker\\.local\\/',
    )
    log.mockRestore()
  })
})
