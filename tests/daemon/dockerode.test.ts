import Docker from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'
import { demultiplex } from './multiplexed.ts'

/**
 * dockerode against the real HTTP server, covering the 20 endpoints Kubernetes 1.4's
 * DockerInterface calls (kubernetes-facts.md §3). Like engine-api in 1.4, dockerode sends no
 * `/v1.xx` prefix here, so the daemon's default API version (1.24) applies.
 */

let server: DaemonServer
let docker: Docker

beforeAll(async () => {
  server = await startDaemonServer({ port: 0, log: null })
  docker = new Docker({ protocol: 'http', host: '127.0.0.1', port: server.port })
})
afterAll(async () => {
  await server.close()
})

interface DockerodeError {
  statusCode?: number
  json?: { message?: string } | null
  message: string
}

async function failure(promise: Promise<unknown>): Promise<DockerodeError> {
  try {
    await promise
  } catch (error) {
    return error as DockerodeError
  }
  throw new Error('expected the call to fail')
}

async function followPull(image: string): Promise<Array<{ status?: string; error?: string }>> {
  const stream = (await docker.pull(image)) as NodeJS.ReadableStream
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: Array<{ status?: string }>) =>
        error === null ? resolve(output) : reject(error),
    )
  })
}

const POD_LABELS = {
  'io.kubernetes.pod.name': 'nginx-1',
  'io.kubernetes.pod.namespace': 'default',
  'io.kubernetes.container.name': 'nginx',
}

describe('dockerode: the Kubernetes 1.4 call set', () => {
  it('Version → GET /version', async () => {
    const version = await docker.version()
    expect(version.Version).toBe('1.12.6')
    expect(version.ApiVersion).toBe('1.24')
    expect(version.Os).toBe('linux')
    expect(version.GoVersion).toMatch(/^go1\.6/)
  })

  it('Info → GET /info', async () => {
    const info = await docker.info()
    expect(info.ServerVersion).toBe('1.12.6')
    expect(info.OSType).toBe('linux')
    expect(info.Images).toBeGreaterThanOrEqual(3)
    expect(typeof info.NCPU).toBe('number')
  })

  it('ListImages → GET /images/json', async () => {
    const images = await docker.listImages()
    const tags = images.flatMap((image) => image.RepoTags ?? [])
    expect(tags).toEqual(
      expect.arrayContaining(['busybox:latest', 'nginx:latest', 'alpine:latest']),
    )
    for (const image of images) expect(image.Id).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('PullImage → POST /images/create (streamed progress)', async () => {
    const output = await followPull('busybox:latest')
    expect(output.length).toBeGreaterThan(0)
    expect(output.some((event) => event.error !== undefined)).toBe(false)
    expect(output.at(-1)?.status).toMatch(/busybox:latest/)
  })

  it('InspectImage → GET /images/{name}/json', async () => {
    const image = await docker.getImage('busybox').inspect()
    expect(image.Id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(image.RepoTags).toContain('busybox:latest')
    expect(image.Config.Cmd).toEqual(['sh'])
    const missing = await failure(docker.getImage('nosuchimage:v1').inspect())
    expect(missing.statusCode).toBe(404)
    expect(missing.json?.message).toBe('No such image: nosuchimage:v1')
  })

  it('ImageHistory → GET /images/{name}/history', async () => {
    const history = (await docker.getImage('busybox').history()) as Array<{
      Tags: string[] | null
      CreatedBy: string
    }>
    expect(history.length).toBeGreaterThan(0)
    expect(history[0]?.Tags).toContain('busybox:latest')
    const missing = await failure(docker.getImage('nosuchimage').history())
    expect(missing.statusCode).toBe(404)
  })

  it('CreateContainer, StartContainer, InspectContainer, ListContainers', async () => {
    const container = await docker.createContainer({
      name: 'k8s_nginx.1_nginx-1_default_uid_1',
      Image: 'busybox',
      Cmd: ['top'],
      Tty: true,
      Labels: POD_LABELS,
    })
    expect(container.id).toMatch(/^[0-9a-f]{64}$/)

    const created = await container.inspect()
    expect(created.State.Status).toBe('created')
    expect(created.Name).toBe('/k8s_nginx.1_nginx-1_default_uid_1')

    await container.start()
    const running = await container.inspect()
    expect(running.State.Running).toBe(true)
    expect(running.State.Pid).toBeGreaterThan(0)
    expect(running.Config.Labels).toEqual(POD_LABELS)

    const listed = await docker.listContainers({
      all: true,
      filters: { label: ['io.kubernetes.pod.name=nginx-1'] },
    })
    expect(listed.map((c) => c.Id)).toEqual([container.id])
    expect(listed[0]?.Names).toEqual(['/k8s_nginx.1_nginx-1_default_uid_1'])
    expect(listed[0]?.State).toBe('running')

    const conflict = await failure(
      docker.createContainer({
        name: 'k8s_nginx.1_nginx-1_default_uid_1',
        Image: 'busybox',
        Cmd: ['top'],
      }),
    )
    expect(conflict.statusCode).toBe(409)
    const noImage = await failure(docker.createContainer({ Image: 'test456:v1', Cmd: ['top'] }))
    expect(noImage.statusCode).toBe(404)
    expect(noImage.json?.message).toBe('No such image: test456:v1')
  })

  it('ResizeContainerTTY → POST /containers/{id}/resize', async () => {
    const container = docker.getContainer('k8s_nginx.1_nginx-1_default_uid_1')
    await expect(container.resize({ h: 40, w: 80 })).resolves.toBeDefined()
    const stopped = await docker.createContainer({ Image: 'busybox', Cmd: ['top'], Tty: true })
    const notRunning = await failure(stopped.resize({ h: 40, w: 80 }))
    expect(notRunning.statusCode).toBe(500)
    expect(notRunning.json?.message).toBe(`Container ${stopped.id} is not running`)
    await stopped.remove()
  })

  it('CreateExec, ResizeExecTTY, StartExec (detached), InspectExec', async () => {
    const container = docker.getContainer('k8s_nginx.1_nginx-1_default_uid_1')
    const containerId = (await container.inspect()).Id
    const exec = await container.exec({
      Cmd: ['top'],
      Tty: true,
      AttachStdout: true,
      AttachStderr: true,
    })
    expect(exec.id).toMatch(/^[0-9a-f]{64}$/)

    const beforeStart = await exec.inspect()
    expect(beforeStart.Running).toBe(false)
    expect(beforeStart.ContainerID).toBe(containerId)
    expect(beforeStart.ProcessConfig.entrypoint).toBe('top')

    // 1.12: an exec with no containerd process yet cannot be resized (404, "process not found").
    const early = await failure(exec.resize({ h: 40, w: 80 }))
    expect(early.statusCode).toBe(404)

    await exec.start({ Detach: true })
    const started = await exec.inspect()
    expect(started.Running).toBe(true)
    await expect(exec.resize({ h: 50, w: 120 })).resolves.toBeDefined()

    const inspected = await container.inspect()
    expect(inspected.ExecIDs).toContain(exec.id)

    const unknown = await failure(docker.getExec('nosuchexec').inspect())
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json?.message).toBe("No such exec instance 'nosuchexec' found in daemon")
  })

  it('Logs → GET /containers/{id}/logs (multiplexed without a TTY)', async () => {
    const container = await docker.createContainer({
      Image: 'busybox',
      Cmd: ['echo', 'hello from k8s'],
    })
    await container.start()
    await container.wait()
    const raw = await container.logs({ stdout: true, stderr: true })
    expect(demultiplex(raw).stdout).toBe('hello from k8s\n')
    const noStream = await failure(container.logs({}))
    expect(noStream.statusCode).toBe(400)
    await container.remove()
  })

  it('AttachToContainer → POST /containers/{id}/attach (non-hijacked stream)', async () => {
    const container = await docker.createContainer({ Image: 'busybox', Cmd: ['yes'], Tty: true })
    await container.start()
    const stream = await container.attach({
      stream: true,
      stdout: true,
      stderr: true,
      logs: true,
      hijack: false,
    })
    const first = await new Promise<string>((resolve, reject) => {
      stream.once('data', (chunk: Buffer) => resolve(chunk.toString()))
      stream.once('error', reject)
    })
    expect(first).toContain('y')
    ;(stream as unknown as { destroy(): void }).destroy()
    await container.remove({ force: true })
  })

  it('StopContainer → POST /containers/{id}/stop?t=N, RemoveContainer → DELETE /containers/{id}', async () => {
    const container = docker.getContainer('k8s_nginx.1_nginx-1_default_uid_1')
    const running = await failure(container.remove())
    expect(running.statusCode).toBe(409)
    await container.stop({ t: 1 })
    const stopped = await container.inspect()
    expect(stopped.State.Running).toBe(false)
    expect(stopped.State.Status).toBe('exited')
    // 304 Not Modified: dockerode reports it as an error with that status.
    const again = await failure(container.stop({ t: 1 }))
    expect(again.statusCode).toBe(304)
    await container.remove()
    const listed = await docker.listContainers({ all: true })
    expect(listed.map((c) => c.Id)).not.toContain(stopped.Id)
    const gone = await failure(container.inspect())
    expect(gone.statusCode).toBe(404)
  })

  it('streams flush as they happen: GET /events delivers a create while the request is open', async () => {
    const events = (await docker.getEvents({
      filters: { type: ['container'] },
    })) as NodeJS.ReadableStream & {
      destroy(): void
    }
    const first = new Promise<{ status?: string; Action?: string }>((resolve) => {
      events.once('data', (chunk: Buffer) =>
        resolve(JSON.parse(chunk.toString().split('\n')[0] ?? '{}')),
      )
    })
    const created = await docker.createContainer({
      name: 'watched',
      Image: 'busybox',
      Cmd: ['top'],
    })
    const event = await first
    expect(event.Action).toBe('create')
    events.destroy()
    await created.remove()
  })

  it('RemoveImage → DELETE /images/{name}', async () => {
    const removed = (await docker.getImage('alpine').remove()) as Array<{
      Untagged?: string
      Deleted?: string
    }>
    expect(removed).toContainEqual({ Untagged: 'alpine:latest' })
    expect(removed.some((entry) => entry.Deleted?.startsWith('sha256:'))).toBe(true)
    const again = await failure(docker.getImage('alpine').remove())
    expect(again.statusCode).toBe(404)
    expect(again.json?.message).toBe('No such image: alpine:latest')
  })
})
