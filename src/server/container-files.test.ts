import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDataRoot } from './container-files.ts'
import { startDaemonServer } from './server.ts'

const ID = (n: number) => n.toString(16).padStart(64, 'a')
const FILES = {
  hostname: 'web\n',
  hosts: '127.0.0.1\tlocalhost\n',
  resolvConf: 'nameserver 10.0.0.10\n',
}

const cleanup: string[] = []
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openDataRoot', () => {
  it('a temporary root by default: writes, keeps a changed resolv.conf, removes, and goes on dispose', () => {
    const root = openDataRoot(undefined, { hostResolvConfPath: '/nonexistent/resolv.conf' })
    cleanup.push(root.path)
    expect(root.hostResolvConf).toBeUndefined()
    root.write(ID(1), FILES)
    const dir = join(root.path, 'containers', ID(1))
    expect(readFileSync(join(dir, 'hostname'), 'utf8')).toBe('web\n')
    expect(readFileSync(join(dir, 'hosts'), 'utf8')).toBe('127.0.0.1\tlocalhost\n')
    // The kubelet appends its ndots option; a restart rewrites hosts but keeps that.
    appendFileSync(join(dir, 'resolv.conf'), 'options ndots:5\n')
    root.write(ID(1), { ...FILES, hosts: '127.0.0.1\tlocalhost\n172.17.0.3\tweb\n' })
    expect(readFileSync(join(dir, 'resolv.conf'), 'utf8')).toBe(
      'nameserver 10.0.0.10\noptions ndots:5\n',
    )
    expect(readFileSync(join(dir, 'hosts'), 'utf8')).toContain('172.17.0.3\tweb')
    // Read back as the container's processes see them; nothing for a container never written.
    expect(root.read?.(ID(1), 'resolv.conf')).toBe('nameserver 10.0.0.10\noptions ndots:5\n')
    expect(root.read?.(ID(9), 'resolv.conf')).toBeNull()
    root.remove(ID(1))
    expect(existsSync(dir)).toBe(false)
    root.write(ID(2), FILES)
    root.dispose()
    expect(existsSync(root.path)).toBe(false)
  })

  it("a root given by the user stays; only the containers' directories written go", () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-root-test-'))
    cleanup.push(dir)
    writeFileSync(join(dir, 'keep'), 'x')
    const resolv = join(dir, 'host-resolv.conf')
    writeFileSync(resolv, 'nameserver 192.0.2.1\n')
    const root = openDataRoot(dir, { hostResolvConfPath: resolv })
    expect(root.hostResolvConf).toBe('nameserver 192.0.2.1\n')
    root.write(ID(3), FILES)
    root.dispose()
    expect(existsSync(join(dir, 'containers', ID(3)))).toBe(false)
    expect(existsSync(join(dir, 'keep'))).toBe(true)
  })

  it('is bounded: past maxContainers nothing more is written, and a bad id never names a directory', () => {
    const lines: string[] = []
    const root = openDataRoot(undefined, { maxContainers: 2, log: (l) => lines.push(l) })
    cleanup.push(root.path)
    for (let i = 1; i <= 4; i++) root.write(ID(i), FILES)
    expect(existsSync(join(root.path, 'containers', ID(2)))).toBe(true)
    expect(existsSync(join(root.path, 'containers', ID(3)))).toBe(false)
    expect(lines).toEqual(['data root: more than 2 containers, no more files written'])
    const huge = '10.0.0.1\tname\n'.repeat(100_000)
    root.write(ID(1), { ...FILES, hosts: huge })
    const hosts = readFileSync(join(root.path, 'containers', ID(1), 'hosts'), 'utf8')
    expect(hosts.length).toBeLessThanOrEqual(64 * 1024)
    expect(hosts.endsWith('10.0.0.1\tname\n')).toBe(true)
    root.write('../../escape', FILES)
    expect(existsSync(join(root.path, 'escape'))).toBe(false)
    root.remove(ID(1))
    root.write(ID(3), FILES)
    expect(existsSync(join(root.path, 'containers', ID(3)))).toBe(true)
    root.dispose()
  })
})

describe('npm run daemon writes the files inspect points at', () => {
  it('DockerRootDir is the data root; a started container has its files there until removed', async () => {
    const server = await startDaemonServer({ port: 0, log: null })
    const root = server.dataRoot ?? ''
    try {
      const info = await (await fetch(`${server.url}/v1.24/info`)).json()
      expect(info.DockerRootDir).toBe(root)
      const created = await fetch(`${server.url}/v1.24/containers/create?name=pod`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          Image: 'nginx',
          Hostname: 'web',
          HostConfig: { Dns: ['10.0.0.10'] },
        }),
      })
      const { Id } = (await created.json()) as { Id: string }
      await fetch(`${server.url}/v1.24/containers/${Id}/start`, { method: 'POST' })
      const c = await (await fetch(`${server.url}/v1.24/containers/${Id}/json`)).json()
      expect(c.ResolvConfPath).toBe(join(root, 'containers', Id, 'resolv.conf'))
      expect(readFileSync(c.ResolvConfPath, 'utf8')).toBe('nameserver 10.0.0.10\n')
      expect(readFileSync(c.HostnamePath, 'utf8')).toBe('web\n')
      expect(readFileSync(c.HostsPath, 'utf8')).toContain(`${c.NetworkSettings.IPAddress}\tweb\n`)
      await fetch(`${server.url}/v1.24/containers/${Id}?force=1`, { method: 'DELETE' })
      expect(existsSync(join(root, 'containers', Id))).toBe(false)
    } finally {
      await server.close()
    }
    expect(existsSync(root)).toBe(false)
  })
})
