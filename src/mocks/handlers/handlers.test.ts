import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDaemon } from '../../../tests/daemon/fake-daemon.ts'
import { setupDaemonServer } from '../node.ts'
import { createHandlers } from './index.ts'

describe('createHandlers: which URLs reach the daemon', () => {
  it('forwards versioned and unversioned paths under an absolute base, prefix kept', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    for (const path of ['/_ping', '/v1.24/_ping', '/v1.12/containers/json?all=1', '/v1.99/nope']) {
      const response = await getResponse(handlers, new Request(`http://docker.local${path}`))
      expect(response?.status).toBe(200)
    }
    expect(daemon.requests.map((r) => r.path)).toEqual([
      '/_ping',
      '/v1.24/_ping',
      '/v1.12/containers/json',
      '/v1.99/nope',
    ])
    expect(daemon.requests[2]?.query.get('all')).toBe('1')
  })

  it('leaves other origins alone', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    expect(await getResponse(handlers, new Request('http://example.com/_ping'))).toBeUndefined()
    expect(daemon.requests).toHaveLength(0)
  })

  it('strips a same-origin path prefix and ignores paths outside it', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: '/docker-api/' })
    await getResponse(handlers, new Request('http://localhost:5173/docker-api/v1.24/version'))
    await getResponse(handlers, new Request('http://localhost:5173/docker-api/images/busybox/json'))
    await getResponse(handlers, new Request('http://localhost:5173/docker-api'))
    expect(
      await getResponse(handlers, new Request('http://localhost:5173/docker-apix/_ping')),
    ).toBeUndefined()
    expect(
      await getResponse(handlers, new Request('http://localhost:5173/assets/app.js')),
    ).toBeUndefined()
    expect(daemon.requests.map((r) => r.path)).toEqual([
      '/v1.24/version',
      '/images/busybox/json',
      '/',
    ])
  })

  it('keeps percent-encoding in the path, as the daemon contract asks', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local/' })
    await getResponse(handlers, new Request('http://docker.local/images/my%2Frepo/json'))
    expect(daemon.requests[0]?.path).toBe('/images/my%2Frepo/json')
  })

  it('sends unknown paths and odd version prefixes to the daemon (its own 404)', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"page not found"}\n',
    }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    for (const path of ['/nosuchpath', '/vabc/containers/json', '/v1.24/', '/']) {
      const response = await getResponse(handlers, new Request(`http://docker.local${path}`))
      expect(response?.status).toBe(404)
      expect(await response?.json()).toEqual({ message: 'page not found' })
    }
    expect(daemon.requests).toHaveLength(4)
  })

  it('serves any host when no base is given (the HTTP server)', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon)
    expect((await getResponse(handlers, new Request('http://127.0.0.1:2375/info')))?.status).toBe(
      200,
    )
    expect(daemon.requests[0]?.path).toBe('/info')
  })
})

describe('setupDaemonServer', () => {
  it('serves fetch in node tests under onUnhandledRequest: error', async () => {
    const daemon = createFakeDaemon()
    const server = setupDaemonServer(daemon)
    server.listen({ onUnhandledRequest: 'error' })
    try {
      const response = await fetch('http://docker.local/v1.24/_ping')
      expect(await response.text()).toBe('OK')
      const other = await fetch('http://docker.local/anything/else')
      expect(other.status).toBe(200)
      // A body survives MSW's own clone of the request on its way to the daemon.
      await fetch('http://docker.local/containers/create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"Image":"busybox"}',
      })
      expect(new TextDecoder().decode(daemon.requests[2]?.body ?? new Uint8Array())).toBe(
        '{"Image":"busybox"}',
      )
    } finally {
      server.close()
    }
  })
})

describe('createHandlers: every route of the daemon', () => {
  it('reaches the daemon, with and without the version prefix, method and path as sent', async () => {
    const { routes } = await import('../../daemon/index.ts')
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const sent: string[] = []
    for (const route of routes) {
      // An image name may hold slashes: the one handler must not care.
      const path = route.path.replace(/\{[a-z]+\}/g, 'gcr.io/google_containers/pause-amd64')
      for (const prefix of ['', '/v1.24']) {
        const request = new Request(`http://docker.local${prefix}${path}`, { method: route.method })
        expect(
          await getResponse(handlers, request),
          `${route.method} ${prefix}${path}`,
        ).toBeDefined()
        sent.push(`${route.method} ${prefix}${path}`)
      }
    }
    expect(daemon.requests.map((r) => `${r.method} ${r.path}`)).toEqual(sent)
  })
})
