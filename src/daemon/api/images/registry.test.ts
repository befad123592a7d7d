import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../../daemon.ts'
import { REGISTRY_IMAGES, registryImage } from './registry.ts'

const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

const fresh = () => createDaemon({ clock: () => new Date(Date.UTC(2017, 0, 14)) })

async function pull(d: SimulatedDaemon, image: string, tag: string) {
  const res = await call(
    d,
    'POST',
    `/images/create?fromImage=${encodeURIComponent(image)}&tag=${encodeURIComponent(tag)}`,
  )
  expect(res.status).toBe(200)
  expect(res.text).not.toContain('"error"')
  return res.text
}

async function inspect(d: SimulatedDaemon, ref: string) {
  const res = await call(d, 'GET', `/images/${ref}/json`)
  expect(res.status, res.text).toBe(200)
  return JSON.parse(res.text) as {
    Id: string
    RepoTags: string[]
    Config: {
      Cmd: string[] | null
      Entrypoint: string[] | null
      Env: string[] | null
      ExposedPorts?: Record<string, unknown>
    }
  }
}

describe('the simulated registry serves what a Kubernetes 1.3 / 1.4 node pulls', () => {
  it('gcr.io/google_containers/pause-amd64:3.0: ENTRYPOINT ["/pause"], no Cmd, the well-known id', async () => {
    const d = fresh()
    await pull(d, 'gcr.io/google_containers/pause-amd64', '3.0')
    const img = await inspect(d, 'gcr.io/google_containers/pause-amd64:3.0')
    expect(img.Id.slice(0, 19)).toBe('sha256:99e59f495ffa')
    expect(img.Config).toMatchObject({ Entrypoint: ['/pause'], Cmd: null, Env: null })
  })

  it('a pause container runs until stopped and exits 0 on SIGTERM, saying so (pause.c sigdown)', async () => {
    const d = fresh()
    await pull(d, 'gcr.io/google_containers/pause-amd64', '3.0')
    const created = await call(d, 'POST', '/containers/create?name=k8s_POD', {
      Image: 'gcr.io/google_containers/pause-amd64:3.0',
    })
    expect(created.status).toBe(201)
    expect((await call(d, 'POST', '/containers/k8s_POD/start')).status).toBe(204)
    const running = JSON.parse((await call(d, 'GET', '/containers/k8s_POD/json')).text)
    expect(running.Path).toBe('/pause')
    expect(running.State.Running).toBe(true)
    expect((await call(d, 'POST', '/containers/k8s_POD/stop?t=10')).status).toBe(204)
    const stopped = JSON.parse((await call(d, 'GET', '/containers/k8s_POD/json')).text)
    expect(stopped.State).toMatchObject({ Running: false, ExitCode: 0 })
    const logs = await call(d, 'GET', '/containers/k8s_POD/logs?stdout=1&stderr=1')
    // One stderr frame (stream 2) with psignal's line.
    expect(logs.bytes[0]).toBe(2)
    expect(logs.text.slice(8)).toBe('shutting down, got signal: Terminated\n')
  })

  it('nginx:1.11 is the image nginx:latest was (same id), with nginx -g "daemon off;", ports 80 and 443', async () => {
    const d = fresh()
    const latest = await inspect(d, 'nginx:latest')
    const progress = await pull(d, 'nginx', '1.11')
    // Its layers are already here: nothing is downloaded again.
    expect(progress).toContain('"status":"Already exists"')
    expect(progress).not.toContain('Downloading')
    const img = await inspect(d, 'nginx:1.11')
    expect(img.Id).toBe(latest.Id)
    expect(img.RepoTags).toEqual(['nginx:latest', 'nginx:1.11'])
    expect(img.Config.Cmd).toEqual(['nginx', '-g', 'daemon off;'])
    expect(Object.keys(img.Config.ExposedPorts ?? {}).sort()).toEqual(['443/tcp', '80/tcp'])
    expect(img.Config.Env).toContain('NGINX_VERSION=1.11.6-1~jessie')
  })

  it('nginx:1.10 is another image (stable 1.10.2) that runs nginx too', async () => {
    const d = fresh()
    await pull(d, 'nginx', '1.10')
    const img = await inspect(d, 'nginx:1.10')
    expect(img.Id).not.toBe((await inspect(d, 'nginx:latest')).Id)
    expect(img.Config.Cmd).toEqual(['nginx', '-g', 'daemon off;'])
    expect(img.Config.Env).toContain('NGINX_VERSION=1.10.2-1~jessie')
    await call(d, 'POST', '/containers/create?name=web', { Image: 'nginx:1.10' })
    expect((await call(d, 'POST', '/containers/web/start')).status).toBe(204)
    const c = JSON.parse((await call(d, 'GET', '/containers/web/json')).text)
    expect(c.State.Running).toBe(true)
  })

  it('any other tag of a known repository keeps its command; an unknown repository runs sh', async () => {
    const d = fresh()
    await pull(d, 'nginx', '1.9')
    expect((await inspect(d, 'nginx:1.9')).Config.Cmd).toEqual(['nginx', '-g', 'daemon off;'])
    await pull(d, 'redis', '3.2')
    expect((await inspect(d, 'redis:3.2')).Config).toMatchObject({
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
    })
    await pull(d, 'example/app', 'v1')
    expect((await inspect(d, 'example/app:v1')).Config.Cmd).toEqual(['sh'])
  })

  it('rows with tags are found before the catch-all row of their repository', () => {
    for (const row of REGISTRY_IMAGES) {
      for (const repo of row.repos) {
        for (const tag of row.tags ?? []) expect(registryImage(repo, tag)).toBe(row)
      }
    }
    expect(registryImage('nginx', null).tags).toBeUndefined()
  })
})
