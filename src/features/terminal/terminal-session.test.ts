import { getResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../../daemon/index.ts'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import { createHandlers } from '../../mocks/handlers/index.ts'
import type { TerminalSize } from './resize-queue.ts'
import {
  type LoggedRequest,
  type ResizeBehaviour,
  type TerminalMode,
  TerminalSession,
} from './terminal-session.ts'

const BASE = 'http://docker.test/'
const daemons: SimulatedDaemon[] = []

afterEach(() => {
  for (const daemon of daemons.splice(0)) daemon.dispose()
})

/** The in-page transport over the real MSW handlers, and a way to call it directly. */
function client(daemon: SimulatedDaemon) {
  const handlers = createHandlers(daemon, { baseUrl: BASE })
  const fetch: typeof globalThis.fetch = async (input, init) =>
    (await getResponse(handlers, new Request(input, init))) ?? new Response(null, { status: 502 })
  const send = (method: string, path: string, body?: unknown) =>
    fetch(new URL(path.slice(1), BASE), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return { fetch, send }
}

/** A real daemon behind the real MSW handlers, answered in-process as the in-page transport does. */
function harness(
  mode: TerminalMode,
  behaviour: ResizeBehaviour,
  size: TerminalSize,
  daemon: SimulatedDaemon = createDaemon({ dockerVersion: '1.12.6' }),
) {
  daemons.push(daemon)
  const { fetch, send } = client(daemon)
  const session = makeSession(
    '1.12.6',
    BASE,
    { daemon, restoreError: null },
    { fetch, inPage: true },
  )
  const log = new Map<number, LoggedRequest>()
  const output: Uint8Array[] = []
  let opened: (info: { stdin: boolean }) => void = () => {}
  const isOpen = new Promise<{ stdin: boolean }>((resolve) => {
    opened = resolve
  })
  let closed: { exitCode: number | null; error?: string } | null = null
  const terminal = new TerminalSession(
    session,
    { mode, behaviour, target: { container: 'k8s_terminal_demo', cmd: ['sh'] }, size },
    {
      output: (bytes) => output.push(bytes),
      log: (entry) => log.set(entry.id, entry),
      opened: (info) => opened(info),
      closed: (info) => {
        closed = info
      },
    },
  )
  const done = terminal.open()
  const calls = () => [...log.values()].map((e) => `${e.status ?? '…'} ${e.method} ${e.path}`)
  const settled = async () => {
    // Lets queued resize calls reach the daemon and answer.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return {
    daemon,
    terminal,
    done,
    isOpen,
    calls,
    settled,
    output,
    fetch: send,
    entries: () => [...log.values()],
    text: () => output.map((bytes) => new TextDecoder().decode(bytes)).join(''),
    closed: () => closed,
  }
}

describe('TerminalSession', () => {
  it('opens kubectl exec -it the way the 1.4 kubelet did: create, start, exec, start, resize', async () => {
    const h = harness('exec', '1.4', { rows: 24, cols: 80 })
    await h.isOpen
    await h.settled()
    const exec = [...h.daemon.state.execs.keys()][0]
    const container = [...h.daemon.state.containers.keys()][0]
    expect(h.calls()).toEqual([
      '404 GET /v1.24/containers/k8s_terminal_demo/json',
      '201 POST /v1.24/containers/create?name=k8s_terminal_demo',
      `204 POST /v1.24/containers/${container}/start`,
      `201 POST /v1.24/containers/${container}/exec`,
      `200 POST /v1.24/exec/${exec}/start`,
      `200 POST /v1.24/exec/${exec}/resize?h=24&w=80`,
    ])
    h.terminal.resize({ rows: 30, cols: 100 })
    h.terminal.resize({ rows: 30, cols: 100 })
    await h.settled()
    expect(h.calls().filter((c) => c.includes('resize'))).toEqual([
      `200 POST /v1.24/exec/${exec}/resize?h=24&w=80`,
      `200 POST /v1.24/exec/${exec}/resize?h=30&w=100`,
    ])
    h.terminal.close()
    await h.done
    expect(h.closed()).toEqual({ exitCode: null })
  })

  it('reuses a running container instead of creating another', async () => {
    const first = harness('exec', '1.4', { rows: 24, cols: 80 })
    await first.isOpen
    first.terminal.close()
    await first.done
    const again = harness('exec', '1.4', { rows: 24, cols: 80 }, first.daemon)
    await again.isOpen
    expect(again.calls()[0]).toMatch(/^200 GET \/v1\.24\/containers\/k8s_terminal_demo\/json$/)
    expect(again.calls().some((c) => c.includes('/create'))).toBe(false)
    again.terminal.close()
  })

  it('sends no resize call with Kubernetes 1.3’s behaviour, whatever the pane does', async () => {
    const h = harness('exec', '1.3', { rows: 24, cols: 80 })
    await h.isOpen
    h.terminal.resize({ rows: 40, cols: 120 })
    await h.settled()
    expect(h.calls().some((c) => c.includes('resize'))).toBe(false)
    expect(h.calls().at(-1)).toMatch(/^200 POST \/v1\.24\/exec\/\w+\/start$/)
    h.terminal.close()
  })

  it('attaches to the container and resizes the container’s own TTY', async () => {
    const h = harness('attach', '1.4', { rows: 10, cols: 40 })
    await h.isOpen
    await h.settled()
    const container = [...h.daemon.state.containers.keys()][0]
    expect(h.calls().slice(-2)).toEqual([
      `200 POST /v1.24/containers/${container}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
      `200 POST /v1.24/containers/${container}/resize?h=10&w=40`,
    ])
    h.terminal.close()
  })

  it('types into the shell through the stdin session: stty size follows 1.4’s resize, exit 3 ends it', async () => {
    const h = harness('exec', '1.4', { rows: 24, cols: 80 })
    expect(await h.isOpen).toEqual({ stdin: true })
    await h.settled()
    h.terminal.write('stty size\r')
    await h.settled()
    expect(h.text()).toContain('stty size\r\n24 80\r\n/ # ')
    h.terminal.resize({ rows: 31, cols: 101 })
    await h.settled()
    h.terminal.write('stty size\r')
    await h.settled()
    expect(h.text()).toContain('31 101\r\n')
    // The stream's byte count reaches the log within its interval, the last burst included.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const received = h.output.reduce((sum, bytes) => sum + bytes.length, 0)
    expect(h.entries().find((e) => e.endpoint === 'ExecStart')?.bytes).toBe(received)
    h.terminal.write('exit 3\r')
    await h.done
    // The exit code comes from the exec's inspect, as the kubelet read it.
    expect(h.closed()).toEqual({ exitCode: 3 })
    expect(h.calls().at(-1)).toMatch(/^200 GET \/v1\.24\/exec\/\w+\/json$/)
  })

  it('leaves a fresh pseudo-terminal at 0×0 with 1.3’s behaviour', async () => {
    const h = harness('exec', '1.3', { rows: 24, cols: 80 })
    await h.isOpen
    h.terminal.resize({ rows: 40, cols: 120 })
    h.terminal.write('stty size\r')
    await h.settled()
    expect(h.text()).toContain('stty size\r\n0 0\r\n')
    h.terminal.close()
  })

  it('refuses to attach to a container without a TTY, in kubectl attach’s words', async () => {
    const daemon = createDaemon({ dockerVersion: '1.12.6' })
    const created = await client(daemon).send(
      'POST',
      '/v1.24/containers/create?name=k8s_terminal_demo',
      { Image: 'busybox', Cmd: ['sh'], OpenStdin: true },
    )
    expect(created.status).toBe(201)
    const again = harness('attach', '1.4', { rows: 24, cols: 80 }, daemon)
    await again.done
    expect(again.closed()?.error).toBe(
      'Unable to use a TTY - container k8s_terminal_demo did not allocate one',
    )
    expect(again.calls().some((c) => c.includes('/attach'))).toBe(false)
  })

  it('reports a session that cannot open, with the daemon’s own message', async () => {
    const h = harness('exec', '1.4', { rows: 24, cols: 80 })
    await h.isOpen
    h.terminal.close()
    await h.done
    expect((await h.fetch('POST', '/v1.24/containers/k8s_terminal_demo/pause')).status).toBe(204)
    // A paused container is still Running in its inspect, so the exec create is what fails.
    const again = harness('exec', '1.4', { rows: 24, cols: 80 }, h.daemon)
    await again.done
    expect(again.closed()?.error).toMatch(/^409 POST .*\/exec: Container \w+ is paused/)
    expect(again.calls().some((c) => c.includes('/start'))).toBe(false)
  })
})
