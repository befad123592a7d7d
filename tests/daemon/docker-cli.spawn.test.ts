import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDaemon } from '../../src/daemon/index.ts'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'
import {
  type CliResult,
  DOCKER_CLI,
  type DockerCli,
  dockerCli,
  SUPPORTED_CLI,
  unsupportedCli,
} from './docker-cli.ts'
import { describeExchange, type RecordedExchange, recording } from './recording-daemon.ts'

/**
 * The real docker CLI (SUPPORTED_CLI: 20.10 – 28.x) against the simulated 1.12.6 daemon over
 * TCP. The CLI pings first (HEAD, then GET /_ping); 1.12 sends no API-Version header, so the CLI
 * falls back to API 1.24 and prefixes every call with /v1.24. Skipped, with the reason printed,
 * only when there is no CLI at all.
 */

let server: DaemonServer | undefined
let cli: DockerCli | undefined
const log: string[] = []
const daemon = createDaemon()
let exchanges: RecordedExchange[] = []

beforeAll(async () => {
  if (!DOCKER_CLI.present) return
  const recorder = recording(daemon)
  exchanges = recorder.exchanges
  server = await startDaemonServer({
    port: 0,
    daemon: recorder.daemon,
    log: (line) => log.push(line),
  })
  cli = dockerCli(server.url)
})
afterAll(async () => {
  cli?.dispose()
  await server?.close()
  daemon.dispose()
})

async function docker(...args: string[]): Promise<CliResult> {
  if (!cli) throw new Error('no docker CLI')
  return cli.run(args)
}

/** Asserts success and returns stdout; on failure the message shows stderr and the request log. */
async function ok(...args: string[]): Promise<string> {
  const before = exchanges.length
  const result = await docker(...args)
  if (result.code !== 0) {
    const sent = exchanges.slice(before).map(describeExchange).join('\n')
    throw new Error(
      `docker ${args.join(' ')} exited ${result.code}\nstderr: ${result.stderr}\nrequests:\n${sent}`,
    )
  }
  return result.stdout
}

const ID = /^[0-9a-f]{64}$/

describe.skipIf(!DOCKER_CLI.present)('docker CLI against the simulated daemon', () => {
  it(`the CLI is a supported release (${SUPPORTED_CLI.label})`, () => {
    if (!DOCKER_CLI.present) throw new Error(DOCKER_CLI.reason)
    expect(unsupportedCli(DOCKER_CLI)).toBeUndefined()
  })

  it('version: negotiates API 1.24 with a 1.12.6 server', async () => {
    const out = await ok(
      'version',
      '--format',
      '{{.Server.Version}} {{.Server.APIVersion}} {{.Client.APIVersion}}',
    )
    expect(out.trim()).toBe('1.12.6 1.24 1.24')
    expect(log.some((line) => line.startsWith('GET /v1.24/version 200'))).toBe(true)
  })

  it('info', async () => {
    const out = await ok('info')
    expect(out).toContain('Server Version: 1.12.6')
    expect(out).toMatch(/Images: \d+/)
    expect(await ok('info', '--format', '{{.ServerVersion}} {{.OSType}}')).toBe('1.12.6 linux\n')
  })

  it('pull, images', async () => {
    const pulled = await ok('pull', 'busybox')
    expect(pulled).toMatch(
      /Status: (Image is up to date|Downloaded newer image) for busybox:latest/,
    )
    const images = await ok('images', '--format', '{{.Repository}}:{{.Tag}}')
    expect(images.split('\n')).toEqual(
      expect.arrayContaining(['busybox:latest', 'nginx:latest', 'alpine:latest']),
    )
  })

  it('create, start, ps -a, inspect', async () => {
    const id = (
      await ok('create', '--name', 'web', '--label', 'tier=front', 'busybox', 'top')
    ).trim()
    expect(id).toMatch(ID)
    expect(
      await ok('ps', '-a', '--filter', 'name=web', '--format', '{{.Names}} {{.Status}}'),
    ).toMatch(/^web Created/)
    expect((await ok('start', 'web')).trim()).toBe('web')
    const ps = await ok('ps', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.Command}} {{.Status}}')
    expect(ps).toMatch(new RegExp(`^${id.slice(0, 12)} web busybox "top" Up `, 'm'))
    expect(
      await ok('inspect', '--format', '{{.State.Status}} {{.Config.Labels.tier}} {{.Name}}', 'web'),
    ).toBe('running front /web\n')
    const missing = await docker('inspect', 'nosuchthing')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No such object: nosuchthing/i)
  })

  it('logs', async () => {
    await ok('create', '--name', 'hello', 'busybox', 'echo', 'hello world')
    await ok('start', 'hello')
    expect((await ok('wait', 'hello')).trim()).toBe('0')
    const logs = await docker('logs', 'hello')
    expect(logs.code).toBe(0)
    expect(logs.stdout).toBe('hello world\n')
    expect((await ok('rm', 'hello')).trim()).toBe('hello')
  })

  it('exec -d, top, diff', async () => {
    expect(await ok('exec', '-d', 'web', 'sleep', '100')).toBe('')
    const top = await ok('top', 'web')
    expect(top).toMatch(/PID/)
    expect(top).toMatch(/top/)
    const diff = await docker('diff', 'web')
    expect(diff.code).toBe(0)
  })

  it('exec without -d (hijacked: Upgrade: tcp → 101), with and without -t', async () => {
    expect(await ok('exec', 'web', 'echo', 'hi')).toBe('hi\n')
    expect(await ok('exec', '-t', 'web', 'echo', 'tty')).toBe('tty\n')
    const missing = await docker('exec', 'web', 'nosuchbinary')
    expect(missing.code).not.toBe(0)
  })

  it('run -d with a port, port', async () => {
    const id = (await ok('run', '-d', '--name', 'edge', '-p', '8080:80', 'nginx')).trim()
    expect(id).toMatch(ID)
    expect(await ok('port', 'edge')).toBe('80/tcp -> 0.0.0.0:8080\n')
    expect((await ok('rm', '-f', 'edge')).trim()).toBe('edge')
  })

  // The CLI attaches (hijacked, stream=1) to the created container, then starts it: 1.12 kept
  // that stream open through the start and sent the output (daemon/attach.go containerAttach at
  // moby v1.12.6 blocks on the container's stream pipes, which exist before the start).
  it('run and start -a: output of a container attached before it starts', async () => {
    try {
      expect(await ok('run', '--name', 'once', 'busybox', 'echo', 'hello run')).toBe('hello run\n')
      await ok('create', '--name', 'twice', 'busybox', 'echo', 'hello start')
      expect(await ok('start', '-a', 'twice')).toBe('hello start\n')
    } finally {
      await docker('rm', '-f', 'once', 'twice')
    }
  })

  it('beyond the list: events (bounded), history, tag, commit, restart, update, cp, export', async () => {
    const until = String(Math.floor(Date.now() / 1000) + 1)
    const events = await ok('events', '--since', '0', '--until', until, '--filter', 'container=web')
    expect(events).toMatch(/container create [0-9a-f]{64} \(image=busybox, name=web, tier=front\)/)
    expect(events).toMatch(/container start [0-9a-f]{64} /)

    expect(await ok('history', '--format', '{{.CreatedBy}}', 'busybox')).toContain('CMD ["sh"]')
    await ok('tag', 'busybox', 'my/box:1')
    expect(await ok('images', 'my/box', '--format', '{{.Repository}}:{{.Tag}}')).toBe('my/box:1\n')
    expect((await ok('commit', '-m', 'note', 'web', 'snap:1')).trim()).toMatch(
      /^sha256:[0-9a-f]{64}$/,
    )
    expect(await ok('inspect', '--format', '{{.Comment}}', 'snap:1')).toBe('note\n')
    await ok('rmi', 'my/box:1', 'snap:1')

    expect((await ok('restart', '-t', '1', 'web')).trim()).toBe('web')
    await ok('update', '--cpu-shares', '512', 'web')
    expect(await ok('inspect', '--format', '{{.HostConfig.CpuShares}}', 'web')).toBe('512\n')

    // cp and export write tar streams to stdout.
    expect(await ok('cp', 'web:/etc/hostname', '-')).toContain('hostname')
    expect(await ok('export', 'web')).toContain('etc/hostname')
  })

  it('rename, pause, unpause', async () => {
    expect(await ok('rename', 'web', 'web2')).toBe('')
    expect(await ok('inspect', '--format', '{{.Name}}', 'web2')).toBe('/web2\n')
    expect((await ok('pause', 'web2')).trim()).toBe('web2')
    expect(await ok('inspect', '--format', '{{.State.Status}}', 'web2')).toBe('paused\n')
    const pausedExec = await docker('exec', '-d', 'web2', 'top')
    expect(pausedExec.code).not.toBe(0)
    expect(pausedExec.stderr).toContain('is paused, unpause the container before exec')
    expect((await ok('unpause', 'web2')).trim()).toBe('web2')
    expect(await ok('inspect', '--format', '{{.State.Status}}', 'web2')).toBe('running\n')
  })

  it('stop, kill, wait', async () => {
    expect((await ok('stop', '-t', '1', 'web2')).trim()).toBe('web2')
    expect(await ok('inspect', '--format', '{{.State.Running}}', 'web2')).toBe('false\n')
    const notRunning = await docker('kill', 'web2')
    expect(notRunning.code).toBe(1)
    expect(notRunning.stderr).toMatch(
      /Cannot kill container: web2: Cannot kill container web2: Container [0-9a-f]{64} is not running|is not running/,
    )
    await ok('start', 'web2')
    expect((await ok('kill', 'web2')).trim()).toBe('web2')
    expect((await ok('wait', 'web2')).trim()).toBe('137')
  })

  it('rm, rmi', async () => {
    await ok('start', 'web2')
    const running = await docker('rm', 'web2')
    expect(running.code).toBe(1)
    expect(running.stderr).toContain('You cannot remove a running container')
    expect((await ok('rm', '-f', 'web2')).trim()).toBe('web2')
    expect(await ok('ps', '-a', '-q')).toBe('')

    const rmi = await ok('rmi', 'alpine')
    expect(rmi).toContain('Untagged: alpine:latest')
    expect(rmi).toMatch(/Deleted: sha256:[0-9a-f]{64}/)
    const again = await docker('rmi', 'alpine')
    expect(again.code).toBe(1)
    // The daemon says `No such image: alpine:latest`; 28.x prints that, while 20.10's client
    // replaces any 404 with its own `Error: No such image: alpine` (client/errors.go
    // wrapResponseError at moby v20.10.24).
    const major = DOCKER_CLI.present ? DOCKER_CLI.major : 0
    expect(again.stderr).toContain(
      major >= 23 ? 'No such image: alpine:latest' : 'Error: No such image: alpine\n',
    )
  })

  it('volume create, ls, inspect, rm', async () => {
    expect((await ok('volume', 'create', 'data')).trim()).toBe('data')
    expect(await ok('volume', 'ls', '--format', '{{.Driver}} {{.Name}}')).toContain('local data')
    expect(
      await ok('volume', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Mountpoint}}', 'data'),
    ).toBe('data local /var/lib/docker/volumes/data/_data\n')
    expect((await ok('volume', 'rm', 'data')).trim()).toBe('data')
    const gone = await docker('volume', 'inspect', 'data')
    expect(gone.code).toBe(1)
  })

  it('network create, ls, inspect, rm', async () => {
    const id = (await ok('network', 'create', 'backend')).trim()
    expect(id).toMatch(ID)
    const ls = await ok('network', 'ls', '--format', '{{.Name}} {{.Driver}}')
    expect(ls.split('\n')).toEqual(
      expect.arrayContaining(['bridge bridge', 'host host', 'none null', 'backend bridge']),
    )
    expect(
      await ok('network', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Scope}}', 'backend'),
    ).toBe('backend bridge local\n')
    expect((await ok('network', 'rm', 'backend')).trim()).toBe('backend')
    const gone = await docker('network', 'inspect', 'backend')
    expect(gone.code).toBe(1)
  })
})
