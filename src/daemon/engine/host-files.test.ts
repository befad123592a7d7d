import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import type { ContainerHostFiles } from '../model/host-files.ts'

/**
 * A pod the way the Kubernetes 1.3 / 1.4 kubelet creates it: an infra ("pause") container with
 * the pod's hostname and cluster DNS, then app containers in its network and IPC namespaces.
 * The daemon reports each container's resolv.conf, hostname and hosts to its sink (npm run
 * daemon writes them) and inspect shows their paths under the data root.
 */

const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

function recordingDaemon(hostResolvConf?: string) {
  const written = new Map<string, ContainerHostFiles>()
  const removed: string[] = []
  /** What the files on "disk" hold now, when changed after they were written (a kubelet's append). */
  const onDisk = new Map<string, string>()
  const d = createDaemon({
    dataRoot: '/srv/docker',
    ...(hostResolvConf === undefined ? {} : { hostResolvConf }),
    containerFiles: {
      write: (id, files) => written.set(id, files),
      remove: (id) => removed.push(id),
      read: (id, name) => onDisk.get(`${id}/${name}`) ?? null,
    },
  })
  return { d, written, removed, onDisk }
}

/** The stdout of a container's json-file log (stdcopy frames: 8-byte header, then the payload). */
async function stdoutOf(d: SimulatedDaemon, name: string): Promise<string> {
  const { bytes } = await call(d, 'GET', `/containers/${name}/logs?stdout=1`)
  let out = ''
  for (let i = 0; i + 8 <= bytes.length; ) {
    const size =
      ((bytes[i + 4] ?? 0) << 24) |
      ((bytes[i + 5] ?? 0) << 16) |
      ((bytes[i + 6] ?? 0) << 8) |
      (bytes[i + 7] ?? 0)
    out += new TextDecoder().decode(bytes.slice(i + 8, i + 8 + size))
    i += 8 + size
  }
  return out
}

async function create(d: SimulatedDaemon, name: string, body: object): Promise<string> {
  const res = await call(d, 'POST', `/containers/create?name=${name}`, body)
  expect(res.status, res.text).toBe(201)
  return JSON.parse(res.text).Id as string
}

async function inspect(d: SimulatedDaemon, name: string) {
  return JSON.parse((await call(d, 'GET', `/containers/${name}/json`)).text)
}

const POD = '_web_default_0a1b2c3d_0'

describe('container files and container: namespaces', () => {
  it("the infra container's files follow its Dns, DnsSearch, DnsOptions, hostname and address", async () => {
    const { d, written } = recordingDaemon()
    const id = await create(d, `k8s_POD.d8dbe16c${POD}`, {
      Image: 'busybox',
      Cmd: ['sh'],
      Tty: true,
      Hostname: 'web',
      HostConfig: {
        Dns: ['10.0.0.10'],
        DnsSearch: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
        DnsOptions: [],
      },
    })
    const before = await inspect(d, id)
    // Until the first start, 1.12 has no files and reports empty paths.
    expect([before.ResolvConfPath, before.HostnamePath, before.HostsPath]).toEqual(['', '', ''])
    expect((await call(d, 'POST', `/containers/${id}/start`)).status).toBe(204)
    const c = await inspect(d, id)
    expect(c.ResolvConfPath).toBe(`/srv/docker/containers/${id}/resolv.conf`)
    expect(c.HostnamePath).toBe(`/srv/docker/containers/${id}/hostname`)
    expect(c.HostsPath).toBe(`/srv/docker/containers/${id}/hosts`)
    const files = written.get(id)
    expect(files?.hostname).toBe('web\n')
    expect(files?.resolvConf).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\n',
    )
    expect(files?.hosts).toBe(
      '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n' +
        `ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${c.NetworkSettings.IPAddress}\tweb\n`,
    )
    expect(c.NetworkSettings.IPAddress).toMatch(/^172\.17\.0\.\d+$/)
    const info = JSON.parse((await call(d, 'GET', '/info')).text)
    expect(info.DockerRootDir).toBe('/srv/docker')
  })

  it("without --dns the host's resolv.conf is used, localhost nameservers dropped (8.8.8.8 if none is left)", async () => {
    const { d, written } = recordingDaemon('nameserver 127.0.1.1\nsearch example.org\n')
    const id = await create(d, 'plain', { Image: 'nginx' })
    await call(d, 'POST', `/containers/${id}/start`)
    expect(written.get(id)?.resolvConf).toBe(
      'search example.org\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4',
    )
    const other = recordingDaemon('nameserver 10.1.2.3\nnameserver ::1\n')
    const id2 = await create(other.d, 'plain', { Image: 'nginx' })
    await call(other.d, 'POST', `/containers/${id2}/start`)
    expect(other.written.get(id2)?.resolvConf).toBe('nameserver 10.1.2.3\n')
  })

  it('an app container joining the infra container (network and IPC) shares its files and hostname', async () => {
    const { d, written, removed } = recordingDaemon()
    const pause = await create(d, `k8s_POD.d8dbe16c${POD}`, {
      Image: 'busybox',
      Cmd: ['sh'],
      Tty: true,
      Hostname: 'web',
    })
    await call(d, 'POST', `/containers/${pause}/start`)
    const app = await create(d, `k8s_nginx.9e3d7a5b${POD}`, {
      Image: 'nginx',
      HostConfig: { NetworkMode: `container:${pause}`, IpcMode: `container:${pause}` },
    })
    expect((await call(d, 'POST', `/containers/${app}/start`)).status).toBe(204)
    const c = await inspect(d, app)
    const p = await inspect(d, pause)
    expect(c.HostConfig.NetworkMode).toBe(`container:${pause}`)
    expect(c.HostConfig.IpcMode).toBe(`container:${pause}`)
    expect(c.ResolvConfPath).toBe(p.ResolvConfPath)
    expect(c.HostsPath).toBe(p.HostsPath)
    expect(c.HostnamePath).toBe(p.HostnamePath)
    expect(c.Config.Hostname).toBe('web')
    // No endpoint and no sandbox of its own: the pod's address is the infra container's.
    expect(c.NetworkSettings.IPAddress).toBe('')
    expect(c.NetworkSettings.SandboxKey).toBe('')
    expect(written.has(app)).toBe(false)
    // Removing the app container leaves the infra container's files; removing that one removes them.
    await call(d, 'POST', `/containers/${app}/stop`)
    await call(d, 'DELETE', `/containers/${app}`)
    expect(removed).toEqual([])
    await call(d, 'DELETE', `/containers/${pause}?force=1`)
    expect(removed).toEqual([pause])
  })

  it("a process in the pod reads the infra container's files at /etc, as they are on disk now", async () => {
    const { d, onDisk } = recordingDaemon()
    const pause = await create(d, 'infra', {
      Image: 'busybox',
      Cmd: ['sh'],
      Tty: true,
      Hostname: 'web',
      HostConfig: { Dns: ['10.0.0.10'], DnsSearch: ['default.svc.cluster.local'] },
    })
    await call(d, 'POST', `/containers/${pause}/start`)
    const join = { NetworkMode: `container:${pause}` }
    await create(d, 'reader', {
      Image: 'busybox',
      Cmd: ['sh', '-c', 'cat /etc/resolv.conf; cat /etc/hostname; grep web /etc/hosts'],
      HostConfig: join,
    })
    await call(d, 'POST', '/containers/reader/start')
    const ip = (await inspect(d, pause)).NetworkSettings.IPAddress as string
    expect(await stdoutOf(d, 'reader')).toBe(
      `search default.svc.cluster.local\nnameserver 10.0.0.10\nweb\n${ip}\tweb\n`,
    )
    // The kubelet appended its ndots option to the file on disk: the next reader sees it.
    onDisk.set(
      `${pause}/resolv.conf`,
      'search default.svc.cluster.local\nnameserver 10.0.0.10\noptions ndots:5\n',
    )
    await create(d, 'again', {
      Image: 'busybox',
      Cmd: ['cat', '/etc/resolv.conf'],
      HostConfig: join,
    })
    await call(d, 'POST', '/containers/again/start')
    expect(await stdoutOf(d, 'again')).toContain('options ndots:5\n')
  })

  it('joining a container that is not running is refused at start, as 1.12 did', async () => {
    const { d } = recordingDaemon()
    const pause = await create(d, 'infra', { Image: 'busybox', Cmd: ['sh'], Tty: true })
    const app = await create(d, 'app', {
      Image: 'nginx',
      HostConfig: { NetworkMode: `container:${pause}` },
    })
    const res = await call(d, 'POST', `/containers/${app}/start`)
    expect(res.status).toBe(409)
    expect(JSON.parse(res.text).message).toBe(
      `cannot join network of a non running container: ${pause}`,
    )
    const ipc = await create(d, 'ipc', {
      Image: 'nginx',
      HostConfig: { IpcMode: 'container:infra' },
    })
    const res2 = await call(d, 'POST', `/containers/${ipc}/start`)
    expect(res2.status).toBe(500)
    expect(JSON.parse(res2.text).message).toBe('cannot join IPC of a non running container: infra')
    expect((await inspect(d, 'ipc')).State).toMatchObject({ Running: false, ExitCode: 128 })
  })

  it('the browser daemon (no sink, default root) reports /var/lib/docker paths', async () => {
    const d = createDaemon()
    const id = await create(d, 'web', { Image: 'nginx' })
    await call(d, 'POST', `/containers/${id}/start`)
    expect((await inspect(d, id)).ResolvConfPath).toBe(
      `/var/lib/docker/containers/${id}/resolv.conf`,
    )
  })
})
