import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { controlledStream, createFakeDaemon } from '../../../tests/daemon/fake-daemon.ts'
import { setupDaemonServer } from '../node.ts'
import { parseBaseUrl } from './base-url.ts'
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

describe('createHandlers: request and response translation', () => {
  it('passes method, lower-case headers and body bytes', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"Id":"abc","Warnings":null}\n',
    }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const response = await getResponse(
      handlers,
      new Request('http://docker.local/containers/create?name=web', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Registry-Auth': 'e30=' },
        body: '{"Image":"busybox"}',
      }),
    )
    const request = daemon.requests[0]
    expect(request?.method).toBe('POST')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['x-registry-auth']).toBe('e30=')
    expect(new TextDecoder().decode(request?.body ?? new Uint8Array())).toBe('{"Image":"busybox"}')
    expect(response?.status).toBe(201)
    expect(response?.headers.get('content-length')).toBe('29')
    expect(await response?.text()).toBe('{"Id":"abc","Warnings":null}\n')
  })

  it('gives GET and empty bodies as null', async () => {
    const daemon = createFakeDaemon()
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    await getResponse(handlers, new Request('http://docker.local/version'))
    await getResponse(
      handlers,
      new Request('http://docker.local/containers/x/start', { method: 'POST' }),
    )
    expect(daemon.requests.map((r) => r.body)).toEqual([null, null])
  })

  it('adds no Content-Type of its own (the daemon decides, as Go sniffing did)', async () => {
    const daemon = createFakeDaemon(() => ({ status: 200, headers: {}, body: 'raw' }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const response = await getResponse(
      handlers,
      new Request('http://docker.local/containers/x/logs'),
    )
    expect(response?.headers.get('content-type')).toBeNull()
    expect(await response?.text()).toBe('raw')
  })

  it('sends 204 and 304 without a body', async () => {
    for (const status of [204, 304]) {
      const daemon = createFakeDaemon(() => ({
        status,
        headers:
          status === 304 ? { 'content-type': 'application/json' } : ({} as Record<string, string>),
        body: null,
      }))
      const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
      const response = await getResponse(
        handlers,
        new Request('http://docker.local/containers/x/start', { method: 'POST' }),
      )
      expect(response?.status).toBe(status)
      expect(response?.body).toBeNull()
    }
  })

  it('answers HEAD without a body but with the headers', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"page not found"}\n',
    }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const response = await getResponse(
      handlers,
      new Request('http://docker.local/_ping', { method: 'HEAD' }),
    )
    expect(daemon.requests[0]?.method).toBe('HEAD')
    expect(response?.status).toBe(404)
    expect(response?.body).toBeNull()
  })

  it('streams an async iterable chunk by chunk, and stops it on cancel', async () => {
    const source = controlledStream()
    const daemon = createFakeDaemon(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: source.iterable,
    }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const response = await getResponse(handlers, new Request('http://docker.local/events'))
    expect(response?.headers.get('content-length')).toBeNull()
    const reader = response?.body?.getReader()
    source.push('{"status":"start"}\n')
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toBe('{"status":"start"}\n')
    await reader?.cancel()
    expect(source.returned).toBe(true)
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
    } finally {
      server.close()
    }
  })
})

describe('parseBaseUrl', () => {
  it('escapes the origin and trims the prefix', () => {
    expect(parseBaseUrl('http://docker.local/api/')).toEqual({
      originPattern: 'http:\\/\\/docker\\.local',
      pathPrefix: '/api',
    })
    expect(parseBaseUrl('/docker-api/', 'https://example.org').pathPrefix).toBe('/docker-api')
    expect(parseBaseUrl(undefined).pathPrefix).toBe('')
  })
})

describe('createHandlers: statuses a Fetch Response cannot hold', () => {
  it('sends a 101 as 200 with x-daemon-status: 101 (the HTTP server restores it)', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 101,
      headers: { 'content-type': 'application/vnd.docker.raw-stream' },
      body: new TextEncoder().encode('raw'),
    }))
    const handlers = createHandlers(daemon, { baseUrl: 'http://docker.local' })
    const response = await getResponse(
      handlers,
      new Request('http://docker.local/containers/x/attach?stream=1', {
        method: 'POST',
        headers: { upgrade: 'tcp' },
      }),
    )
    expect(response?.status).toBe(200)
    expect(response?.headers.get('x-daemon-status')).toBe('101')
    expect(await response?.text()).toBe('raw')
  })
})

describe('createHandlers: every daemon route has a resource handler', () => {
  it('no route of the 1.12 table falls through to the catch-all', async () => {
    const { routes } = await import('../../daemon/index.ts')
    const handlers = createHandlers(createFakeDaemon(), { baseUrl: 'http://docker.local' })
    const unrouted: string[] = []
    for (const route of routes) {
      const path = route.path.replace(/\{[a-z]+\}/g, 'x')
      for (const prefix of ['', '/v1.24']) {
        const request = new Request(`http://docker.local${prefix}${path}`, { method: route.method })
        let header = ''
        for (const handler of handlers) {
          if (await handler.test({ request })) {
            header = handler.info.header
            break
          }
        }
        if (header === '' || header.startsWith('* '))
          unrouted.push(`${route.method} ${prefix}${route.path}`)
      }
    }
    expect(unrouted).toEqual([])
  })
})
