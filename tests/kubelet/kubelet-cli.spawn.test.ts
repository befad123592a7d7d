import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon } from '../../src/daemon/index.ts'
import {
  createKubelet,
  type KubeletCall,
  OPERATIONS,
  type OperationId,
  RELEASES,
} from '../../src/kubelet/index.ts'
import { daemonTransport } from '../../src/kubelet-transports/daemon-transport.ts'
import { httpTransport } from '../../src/kubelet-transports/http-transport.ts'
import { asDataCall } from '../../src/kubelet-transports/test-kubelet.ts'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'

/**
 * npm run kubelet: the same operation gives the same trace in the process and over HTTP to
 * `npm run daemon` (hijacked exec and attach included), and the command line says clearly
 * what is wrong with bad arguments (exit 2).
 */
const run = promisify(execFile)
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/kubelet-cli/main.ts', ...args], {
    timeout: 60_000,
  })

/**
 * What must agree between two daemons: everything but the ids, the random name parts and the
 * time. One status is a race on the wire, as with Docker 1.12.6: the first exec resize follows
 * the 101 at once, and over HTTP it may reach the daemon before the exec's process runs (404,
 * "process not found"; the kubelet ignores resize errors).
 */
const comparable = (calls: readonly KubeletCall[]) =>
  calls.map((c) => ({
    ...asDataCall(c),
    status:
      c.endpointId === 'ExecResize' && (c.status === 200 || c.status === 404)
        ? '200|404'
        : c.status,
    setup: c.setup,
  }))

describe('the kubelet model over HTTP to npm run daemon', () => {
  // one fresh daemon per case, as in the process: the traces depend on what the node holds
  let server: DaemonServer | undefined
  afterEach(async () => {
    await server?.close()
  })

  // Every operation; the waits (exec polls, a logs -f window) are shortened alike on both sides.
  const ops: OperationId[] = OPERATIONS.map((o) => o.id)
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50)))
  it.each(RELEASES.flatMap((r) => ops.map((o) => [r, o] as const)))(
    'kubelet %s %s: the same calls as in the process',
    async (release, op) => {
      const daemon = createDaemon({})
      const local = await createKubelet({ release, transport: daemonTransport(daemon), sleep }).run(
        op,
      )
      daemon.dispose()
      server = await startDaemonServer({ port: 0, log: null })
      const { port } = new URL(server.url)
      const http = httpTransport({ host: '127.0.0.1', port: Number(port) })
      try {
        const remote = await createKubelet({ release, transport: http.transport, sleep }).run(op)
        expect(remote.error).toBeUndefined()
        expect(local.error).toBeUndefined()
        expect(comparable(remote.calls)).toEqual(comparable(local.calls))
      } finally {
        http.close()
      }
    },
  )
})

describe('npm run kubelet', () => {
  it('lists the operations', async () => {
    const { stdout } = await cli(['list'])
    expect(stdout.split('\n')[0]).toMatch(/^kubelet-start\s+NewDockerManager/)
    expect(stdout).toMatch(/^attach-it\s/m)
  })

  it('--json prints method, path, query, status and source for each call', async () => {
    const { stdout } = await cli(['attach-it', '--release', '1.4', '--json'])
    const calls = JSON.parse(stdout) as Record<string, unknown>[]
    expect(calls.map((c) => Object.keys(c).sort())).toEqual(
      calls.map(() => ['method', 'path', 'query', 'source', 'status']),
    )
    expect(
      calls.map((c) => `${c.method} ${String(c.path).replace(/[0-9a-f]{64}/, '{id}')}`),
    ).toEqual([
      'GET /containers/json',
      'POST /containers/{id}/attach',
      'POST /containers/{id}/resize',
      'POST /containers/{id}/resize',
    ])
    expect(calls[2]?.query).toEqual({ h: '25', w: '81' })
    expect(calls[1]?.source).toBe('pkg/kubelet/dockertools/docker_manager.go:1260')
  })

  it.each([
    [['exec-it', '--release', '1.5'], '--release 1.5: expected 1.3 or 1.4'],
    [['nope'], 'unknown operation "nope"'],
    [[], 'which operation?'],
    [['exec', '--pods', '0'], '--pods 0: expected a whole number from 1 to 110'],
    [['exec', '--docker-host', 'http://x'], 'expected tcp://HOST:PORT or unix:///PATH'],
    [['exec', '--frobnicate'], 'unknown option: --frobnicate'],
  ])('%j → exit 2: %s', async (args, message) => {
    const error = await cli(args).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    )
    expect(error?.code).toBe(2)
    expect(error?.stderr).toContain(message)
  })
})
