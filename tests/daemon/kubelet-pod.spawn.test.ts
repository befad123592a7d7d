import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'
import { type CliResult, DOCKER_CLI, type DockerCli, dockerCli } from './docker-cli.ts'

/**
 * A pod started the way the Kubernetes 1.4 kubelet starts one (pkg/kubelet/dockertools at
 * v1.4.0: the infra container from gcr.io/google_containers/pause-amd64:3.0 with the pod's
 * hostname and cluster DNS, then the app container in its network and IPC namespaces, both named
 * `k8s_<container>.<hash>_<pod>_<namespace>_<uid>_<random>` and labelled), sent over the Docker
 * API; then the real docker CLI looks at it as a trainer would: `docker ps`, `docker logs`,
 * `docker inspect`.
 */

const UID = '5f3c2a1e-c0de-11e6-9a3b-42010a800002'
const POD_NAME = `k8s_POD.d8dbe16c_web_default_${UID}_1a2b3c4d`
const APP_NAME = `k8s_app.4c8e2f10_web_default_${UID}_5e6f7a8b`

let server: DaemonServer | undefined
let cli: DockerCli | undefined
let pauseId = ''
let appId = ''

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  if (!server) throw new Error('no server')
  return fetch(`${server.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
}

function labels(container: string, hash: string): Record<string, string> {
  return {
    'io.kubernetes.pod.name': 'web',
    'io.kubernetes.pod.namespace': 'default',
    'io.kubernetes.pod.uid': UID,
    'io.kubernetes.pod.terminationGracePeriod': '30',
    'io.kubernetes.container.name': container,
    'io.kubernetes.container.hash': hash,
    'io.kubernetes.container.restartCount': '0',
    'io.kubernetes.container.terminationMessagePath': '',
  }
}

async function createAndStart(name: string, body: object): Promise<string> {
  const created = await api('POST', `/containers/create?name=${name}`, body)
  expect(created.status).toBe(201)
  const { Id } = (await created.json()) as { Id: string }
  expect((await api('POST', `/containers/${Id}/start`)).status).toBe(204)
  return Id
}

beforeAll(async () => {
  if (!DOCKER_CLI.present) return
  server = await startDaemonServer({ port: 0, log: null })
  cli = dockerCli(server.url)
  // The kubelet pulls the pause image when the node lacks it, then creates the infra container.
  const pull = await api(
    'POST',
    '/images/create?fromImage=gcr.io%2Fgoogle_containers%2Fpause-amd64&tag=3.0',
  )
  expect(pull.status).toBe(200)
  await pull.text()
  pauseId = await createAndStart(POD_NAME, {
    Image: 'gcr.io/google_containers/pause-amd64:3.0',
    Hostname: 'web',
    Labels: labels('POD', 'd8dbe16c'),
    HostConfig: {
      Dns: ['10.0.0.10'],
      DnsSearch: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      CpuShares: 2,
    },
  })
  appId = await createAndStart(APP_NAME, {
    Image: 'busybox',
    Cmd: ['sh', '-c', 'echo hello-from-app; echo warn-from-app >&2; sleep 3600'],
    Labels: labels('app', '4c8e2f10'),
    HostConfig: {
      NetworkMode: `container:${pauseId}`,
      IpcMode: `container:${pauseId}`,
      CpuShares: 2,
    },
  })
})

afterAll(async () => {
  cli?.dispose()
  await server?.close()
})

async function ok(...args: string[]): Promise<string> {
  if (!cli) throw new Error('no docker CLI')
  const result: CliResult = await cli.run(args)
  if (result.code !== 0)
    throw new Error(`docker ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}

describe.skipIf(!DOCKER_CLI.present)('the docker CLI sees a pod the kubelet started', () => {
  it("docker ps shows the kubelet's k8s_ names and labels", async () => {
    const names = (await ok('ps', '--format', '{{.Names}}')).trim().split('\n').sort()
    expect(names).toEqual([POD_NAME, APP_NAME])
    const byPod = await ok(
      'ps',
      '--filter',
      'label=io.kubernetes.pod.name=web',
      '--format',
      '{{.Label "io.kubernetes.container.name"}} {{.Image}} {{.Command}}',
    )
    expect(byPod.trim().split('\n').sort()).toEqual([
      'POD gcr.io/google_containers/pause-amd64:3.0 "/pause"',
      expect.stringMatching(/^app busybox "sh -c 'echo hello-f…"$/),
    ])
  })

  it('docker logs of the app container splits its stdout and stderr', async () => {
    if (!cli) throw new Error('no docker CLI')
    const result = await cli.run(['logs', APP_NAME])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('hello-from-app\n')
    expect(result.stderr).toBe('warn-from-app\n')
  })

  it("docker inspect: the app joins the infra container's network and IPC and shares its files", async () => {
    const app = (
      await ok(
        'inspect',
        '--format',
        '{{.HostConfig.NetworkMode}}|{{.HostConfig.IpcMode}}|{{.ResolvConfPath}}|{{.Config.Hostname}}',
        APP_NAME,
      )
    )
      .trim()
      .split('|')
    const pause = (
      await ok(
        'inspect',
        '--format',
        '{{.ResolvConfPath}}|{{.NetworkSettings.IPAddress}}|{{.HostsPath}}',
        POD_NAME,
      )
    )
      .trim()
      .split('|')
    expect(app.slice(0, 2)).toEqual([`container:${pauseId}`, `container:${pauseId}`])
    expect(app[2]).toBe(pause[0])
    expect(app[3]).toBe('web')
    // The files are real: the kubelet opens the infra container's resolv.conf itself.
    const resolvConf = pause[0] ?? ''
    expect(existsSync(resolvConf)).toBe(true)
    expect(readFileSync(resolvConf, 'utf8')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\n',
    )
    expect(readFileSync(pause[2] ?? '', 'utf8')).toContain(`${pause[1]}\tweb\n`)
    expect(appId).toMatch(/^[0-9a-f]{64}$/)
  })

  it("docker exec in the app container reads the pod's resolv.conf, with what the kubelet appended", async () => {
    const path = (await ok('inspect', '--format', '{{.ResolvConfPath}}', POD_NAME)).trim()
    // What docker_manager.go addNDotsOption does after starting the infra container.
    appendFileSync(path, 'options ndots:5\n')
    expect(await ok('exec', APP_NAME, 'cat', '/etc/resolv.conf')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\noptions ndots:5\n',
    )
    expect(await ok('exec', APP_NAME, 'hostname')).toBe('web\n')
  })
})
