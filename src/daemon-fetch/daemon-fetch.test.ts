import { describe, expect, it } from 'vitest'
import { controlledStream, createFakeDaemon } from '../../tests/daemon/fake-daemon.ts'
import { daemonFetch, parseBaseUrl } from './index.ts'

const DOCKER_LOCAL = parseBaseUrl('http://docker.local')

describe('daemonFetch: request and response translation', () => {
  it('passes method, lower-case headers and body bytes', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"Id":"abc","Warnings":null}\n',
    }))
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    const response = await answer(
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
    expect(response.status).toBe(201)
    expect(response.headers.get('content-length')).toBe('29')
    expect(await response.text()).toBe('{"Id":"abc","Warnings":null}\n')
  })

  it('gives GET and empty bodies as null', async () => {
    const daemon = createFakeDaemon()
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    await answer(new Request('http://docker.local/version'))
    await answer(new Request('http://docker.local/containers/x/start', { method: 'POST' }))
    expect(daemon.requests.map((r) => r.body)).toEqual([null, null])
  })

  it('adds no Content-Type of its own (the daemon decides, as Go sniffing did)', async () => {
    const daemon = createFakeDaemon(() => ({ status: 200, headers: {}, body: 'raw' }))
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    const response = await answer(new Request('http://docker.local/containers/x/logs'))
    expect(response.headers.get('content-type')).toBeNull()
    expect(await response.text()).toBe('raw')
  })

  it('sends 204 and 304 without a body', async () => {
    for (const status of [204, 304]) {
      const daemon = createFakeDaemon(() => ({
        status,
        headers:
          status === 304 ? { 'content-type': 'application/json' } : ({} as Record<string, string>),
        body: null,
      }))
      const answer = daemonFetch(daemon, DOCKER_LOCAL)
      const response = await answer(
        new Request('http://docker.local/containers/x/start', { method: 'POST' }),
      )
      expect(response.status).toBe(status)
      expect(response.body).toBeNull()
    }
  })

  it('answers HEAD without a body but with the headers', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"page not found"}\n',
    }))
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    const response = await answer(new Request('http://docker.local/_ping', { method: 'HEAD' }))
    expect(daemon.requests[0]?.method).toBe('HEAD')
    expect(response.status).toBe(404)
    expect(response.body).toBeNull()
  })

  it('streams an async iterable chunk by chunk, and stops it on cancel', async () => {
    const source = controlledStream()
    const daemon = createFakeDaemon(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: source.iterable,
    }))
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    const response = await answer(new Request('http://docker.local/events'))
    expect(response.headers.get('content-length')).toBeNull()
    const reader = response.body?.getReader()
    source.push('{"status":"start"}\n')
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toBe('{"status":"start"}\n')
    await reader?.cancel()
    expect(source.returned).toBe(true)
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

describe('daemonFetch: statuses a Fetch Response cannot hold', () => {
  it('sends a 101 as 200 with x-daemon-status: 101 (the node:http server restores it)', async () => {
    const daemon = createFakeDaemon(() => ({
      status: 101,
      headers: { 'content-type': 'application/vnd.docker.raw-stream' },
      body: new TextEncoder().encode('raw'),
    }))
    const answer = daemonFetch(daemon, DOCKER_LOCAL)
    const response = await answer(
      new Request('http://docker.local/containers/x/attach?stream=1', {
        method: 'POST',
        headers: { upgrade: 'tcp' },
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('x-daemon-status')).toBe('101')
    expect(await response.text()).toBe('raw')
  })
})
