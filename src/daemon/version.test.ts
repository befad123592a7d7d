import { describe, expect, it } from 'vitest'
import dockerReleasesJson from '../../data/docker-releases.json'
import { createDaemon } from './daemon.ts'
import {
  API_VERSION_OF,
  compareVersions,
  DOCKER_VERSIONS,
  MIN_API_VERSION,
  splitVersionPrefix,
} from './version.ts'

const req = (method: string, path: string) => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: {},
  body: null,
})

describe('version comparison (engine-api types/versions/compare.go)', () => {
  it.each([
    ['1.24', '1.24', 0],
    ['1.9', '1.24', -1],
    ['1.24', '1.3', 1],
    ['1.24.0', '1.24', 0],
    ['2', '1.99', 1],
    ['1.x', '1.0', 0],
  ])('%s vs %s → %i', (a, b, r) => {
    expect(compareVersions(a, b)).toBe(r)
  })

  it('splits the /v{version} prefix like gorilla/mux', () => {
    expect(splitVersionPrefix('/v1.24/containers/json')).toEqual({
      version: '1.24',
      rest: '/containers/json',
    })
    expect(splitVersionPrefix('/vabc/_ping')).toEqual({ version: '', rest: '/vabc/_ping' })
    expect(splitVersionPrefix('/_ping')).toEqual({ version: '', rest: '/_ping' })
  })
})

describe('version negotiation (api/server/middleware/version.go)', () => {
  it('accepts 1.12 … 1.24 and the bare path', async () => {
    const d = createDaemon()
    for (const p of ['/_ping', '/v1.12/_ping', '/v1.18/_ping', '/v1.24/_ping']) {
      expect((await d.handle(req('GET', p))).status).toBe(200)
    }
  })

  it('rejects newer versions with JSON and older ones with text, without a Server header', async () => {
    const d = createDaemon()
    const newer = await d.handle(req('GET', '/v1.25/_ping'))
    expect(newer.status).toBe(400)
    expect(newer.headers.server).toBeUndefined()
    expect(newer.body).toBe(
      '{"message":"client is newer than server (client API version: 1.25, server API version: 1.24)"}\n',
    )
    const older = await d.handle(req('GET', '/v1.0/_ping'))
    expect(older.status).toBe(400)
    expect(older.headers['content-type']).toBe('text/plain; charset=utf-8')
  })

  it('a 1.10.3 daemon answers as API 1.22 and has no swarm or 1.24-only routes', async () => {
    const d = createDaemon({ dockerVersion: '1.10.3' })
    const v = await d.handle(req('GET', '/version'))
    expect(v.headers.server).toBe('Docker/1.10.3 (linux)')
    expect(JSON.parse(String(v.body)).ApiVersion).toBe('1.22')
    expect((await d.handle(req('GET', '/v1.23/_ping'))).status).toBe(400)
    expect((await d.handle(req('GET', '/nodes'))).status).toBe(404)
    expect((await d.handle(req('POST', '/containers/x/update'))).status).not.toBe(404 + 1)
  })

  it('an unclean path is redirected (301) before routing', async () => {
    const d = createDaemon()
    const r = await d.handle(req('GET', '/containers//json'))
    expect(r.status).toBe(301)
    expect(r.headers.location).toBe('/containers/json')
  })
})

describe('the simulated releases agree with data/docker-releases.json', () => {
  const releases = dockerReleasesJson.releases

  it('DOCKER_VERSIONS is oldest first', () => {
    const sorted = [...DOCKER_VERSIONS].sort(compareVersions)
    expect(DOCKER_VERSIONS).toEqual(sorted)
  })

  it.each(DOCKER_VERSIONS.map((v) => [v]))(
    'Docker %s: its release line speaks API_VERSION_OF and accepts MIN_API_VERSION',
    (version) => {
      const line = releases.find((r) => r.id === version.split('.').slice(0, 2).join('.'))
      expect(line, `no release line for ${version}`).toBeDefined()
      // The line's label is "first – last"; the simulated patch release lies inside it.
      const [first = '', last = first] = (line?.label ?? '').split(' – ')
      expect(compareVersions(first, version)).toBeLessThanOrEqual(0)
      expect(compareVersions(version, last)).toBeLessThanOrEqual(0)
      expect(line?.api).toBe(API_VERSION_OF[version])
      expect('apiMin' in (line ?? {}) ? line?.apiMin : undefined).toBe(MIN_API_VERSION)
    },
  )
})
