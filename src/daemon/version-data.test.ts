import { describe, expect, it } from 'vitest'
import { API_VERSION_FILES, apiVersionFile } from '../domain/api-versions.ts'
import { compareApi } from '../domain/version.ts'
import { deterministicDaemon } from '../scenarios/deterministic.ts'
import { jsonRequest, readText } from '../scenarios/test-client.ts'
import { CONFIG_FIELDS, HOST_CONFIG_FIELDS } from './api/create-config/fields.ts'
import { CREATE_FIELD_SINCE, QUERY_SINCE } from './api/field-versions.ts'
import { registeredRoutes } from './api/routes.ts'
import { API_VERSION_OF, compareVersions, DOCKER_VERSIONS, type DockerVersion } from './version.ts'

/**
 * The version switch of the simulated daemon (Docker 1.9.1 … 1.12.6) against data/api-versions/:
 * the endpoints each release serves and the fields it decodes must be the ones that version's
 * reference (and changelog) give. Change one without the other and this fails.
 */

const dataFor = (docker: DockerVersion) => {
  const file = apiVersionFile(API_VERSION_OF[docker])
  if (!file) throw new Error(`no data for Docker ${docker}`)
  return file
}

describe('the daemon serves the endpoints its API version documents', () => {
  it.each(DOCKER_VERSIONS.map((v) => [v]))('Docker %s', (docker) => {
    const api = API_VERSION_OF[docker]
    const served = registeredRoutes(api, compareVersions)
      .map((r) => r.info.id)
      // The 1.24 router keeps copy for older clients but answers 404 on its own version
      // (api/server/router/container/copy.go): it is not an endpoint of API 1.24.
      .filter((id) => id !== 'ContainerCopy' || compareApi(api, '1.24') < 0)
    // Experimental endpoints (1.24's plugins) were not built into the official daemon.
    const documented = dataFor(docker)
      .endpoints.filter((e) => !e.experimental)
      .map((e) => e.id)
    expect([...served].sort()).toEqual([...documented].sort())
  })

  const pageNotFound = async (docker: DockerVersion, method: string, path: string) => {
    const daemon = deterministicDaemon(docker)
    await daemon.handle(
      jsonRequest('POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] }),
    )
    const res = await daemon.handle(jsonRequest(method, path, method === 'POST' ? {} : undefined))
    const text = await readText(res.body)
    return res.status === 404 && (text === '' || text.includes('page not found'))
  }

  it('answers an endpoint of a later version as the older router did: 404 page not found', async () => {
    // ContainerUpdate: API 1.22 (Docker 1.10); SwarmInspect: API 1.24 (Docker 1.12).
    expect(await pageNotFound('1.9.1', 'POST', '/containers/web/update')).toBe(true)
    expect(await pageNotFound('1.10.3', 'POST', '/containers/web/update')).toBe(false)
    expect(await pageNotFound('1.11.2', 'GET', '/swarm')).toBe(true)
    expect(await pageNotFound('1.12.6', 'GET', '/swarm')).toBe(false)
    // Copy: removed in API 1.24, still there in 1.23.
    expect(await pageNotFound('1.11.2', 'POST', '/containers/web/copy')).toBe(false)
    expect(await pageNotFound('1.12.6', 'POST', '/containers/web/copy')).toBe(true)
  })
})

/**
 * The first version that knows a create-body field: the first reference that lists it, or an
 * earlier version whose changelog bullet claims the row that adds it (the 1.21 changelog
 * announces HostConfig.OomScoreAdj, which the references list only from 1.22).
 */
function createFieldSince(): Map<string, string> {
  // The 1.22 and 1.23 references misspell one field; the daemon decodes the Go name.
  const alias: Record<string, string> = {
    'HostConfig.BlkioDeviceWiiteIOps': 'HostConfig.BlkioDeviceWriteIOps',
  }
  const since = new Map<string, string>()
  const note = (name: string, api: string) => {
    const parts = (alias[name] ?? name).split('.')
    // Top-level fields and HostConfig's own fields; deeper ones belong to their parent.
    const field = parts[0] === 'HostConfig' ? parts.slice(0, 2).join('.') : (parts[0] ?? '')
    const known = since.get(field)
    if (known === undefined || compareApi(api, known) < 0) since.set(field, api)
  }
  for (const file of API_VERSION_FILES.filter((f) => f.api !== '1.25')) {
    const create = file.endpoints.find((e) => e.id === 'ContainerCreate')
    for (const p of create?.params ?? []) if (p.in === 'body') note(p.name, file.api)
    for (const bullet of file.changelog)
      for (const row of bullet.rows)
        if (row.endpoint === 'ContainerCreate' && row.kind === 'param-added' && row.name)
          note(row.name, file.api)
  }
  return since
}

describe('the daemon decodes the create-body fields its API version knows', () => {
  const decoded = new Set<string>([
    ...CONFIG_FIELDS,
    ...HOST_CONFIG_FIELDS.map((f) => `HostConfig.${f}`),
  ])
  const oldest = API_VERSION_OF[DOCKER_VERSIONS[0]]

  it('gates exactly the fields the data adds after the oldest simulated version, at that version', () => {
    const expected = Object.fromEntries(
      [...createFieldSince()].filter(
        ([field, api]) => decoded.has(field) && compareApi(api, oldest) > 0,
      ),
    )
    expect(CREATE_FIELD_SINCE).toEqual(expected)
  })

  it('gates the query parameters at the version whose reference first lists them', () => {
    for (const [key, api] of Object.entries(QUERY_SINCE)) {
      const [id, name] = key.split(' ')
      const first = API_VERSION_FILES.find((f) =>
        f.endpoints.some(
          (e) => e.id === id && e.params.some((p) => p.in === 'query' && p.name === name),
        ),
      )
      expect(first?.api, key).toBe(api)
    }
  })

  const create = async (docker: DockerVersion, body: unknown) => {
    const daemon = deterministicDaemon(docker)
    const res = await daemon.handle(jsonRequest('POST', '/containers/create?name=probe', body))
    if (res.status !== 201) return { status: res.status, hostConfig: undefined }
    const inspect = await daemon.handle(jsonRequest('GET', '/containers/probe/json'))
    const json = JSON.parse(await readText(inspect.body)) as { HostConfig: Record<string, unknown> }
    return { status: res.status, hostConfig: json.HostConfig }
  }

  it('Docker 1.10.3 ignores PidsLimit (API 1.23); 1.11.2 applies it', async () => {
    const body = { Image: 'busybox', Cmd: ['true'], HostConfig: { PidsLimit: 7 } }
    expect((await create('1.10.3', body)).hostConfig?.PidsLimit).not.toBe(7)
    expect((await create('1.11.2', body)).hostConfig?.PidsLimit).toBe(7)
  })

  it('Docker 1.11.2 does not even type-check Sysctls (API 1.24); 1.12.6 refuses a string', async () => {
    const body = {
      Image: 'busybox',
      Cmd: ['true'],
      HostConfig: { Sysctls: 'net.core.somaxconn=1' },
    }
    expect((await create('1.11.2', body)).status).toBe(201)
    expect((await create('1.12.6', body)).status).toBeGreaterThanOrEqual(400)
  })

  it('Docker 1.11.2 returns every search result whatever the limit (API 1.24 added it)', async () => {
    const count = async (docker: DockerVersion) => {
      const res = await deterministicDaemon(docker).handle(
        jsonRequest('GET', '/images/search?term=a&limit=1'),
      )
      return (JSON.parse(await readText(res.body)) as unknown[]).length
    }
    expect(await count('1.12.6')).toBe(1)
    expect(await count('1.11.2')).toBeGreaterThan(1)
  })
})
