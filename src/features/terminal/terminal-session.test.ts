import { describe, expect } from 'vitest'
import { DAEMON_TEST_BASE, daemonTest } from '../../../tests/daemon-fixture.ts'
import type { SimulatedDaemon } from '../../daemon/index.ts'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import {
  type LoggedRequest,
  type ResizeBehaviour,
  type TerminalMode,
  TerminalSession,
} from './terminal-session.ts'
import type { TerminalSize } from './terminal-size.ts'

/**
 * The in-page transport: `fetch` answered in-process by the real MSW handlers (the daemon
 * fixture's `setupServer`), with no service worker in between, and a way to call it directly.
 */
function client() {
  const send = (method: string, path: string, body?: unknown) =>
    fetch(new URL(path.slice(1), DAEMON_TEST_BASE), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return { fetch: globalThis.fetch, send }
}

/** A real daemon behind the real MSW handlers, answered in-process as the in-page transport does. */
function harness(
  daemon: SimulatedDaemon,
  mode: TerminalMode,
  behaviour: ResizeBehaviour,
  size: TerminalSize,
) {
  const { fetch, send } = client()
  const session = makeSession(
    '1.12.6',
    DAEMON_TEST_BASE,
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
    // The kubelet polls an exec that outlives its stream five times, 2 s apart: 8 s of a test's
    // time for the same calls. A few milliseconds each keep the order of events.
    {
      mode,
      behaviour,
      size,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 200)),
    },
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
  /** The kubelet's own calls (setup aside), as the log shows them. */
  const calls = () =>
    [...log.values()].filter((e) => !e.setup).map((e) => `${e.status ?? '…'} ${e.method} ${e.path}`)
  const settled = async () => {
    // Lets queued resize calls reach the daemon and answer.
    for (let i = 0; i < 30; i++) await new Promise((resolve) => setTimeout(resolve, 1))
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

describe('TerminalSession (the kubelet model’s exec -it / attach -it)', () => {
  daemonTest(
    'exec -it with 1.4: the container list first, inspect, exec without stderr, start, one resize',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'exec', '1.4', { rows: 24, cols: 80 })
      await h.isOpen
      await h.settled()
      const [exec] = [...h.daemon.state.execs.values()]
      const nginx = [...h.daemon.state.containers.values()].find((c) =>
        c.name.startsWith('/k8s_nginx'),
      )
      if (!exec || !nginx) throw new Error('no exec or no nginx container')
      expect(h.calls()).toEqual([
        '200 GET /containers/json?limit=0',
        `200 GET /containers/${nginx.id}/json`,
        `201 POST /containers/${nginx.id}/exec`,
        // 200, not 101: a browser's fetch cannot upgrade; keys go through the stdin session
        `200 POST /exec/${exec.id}/start`,
        `200 POST /exec/${exec.id}/resize?h=24&w=80`,
      ])
      // with a TTY the kubelet never attaches stderr (httpstream.go, AttachStderr: stderr != nil)
      expect(exec.attachStderr).toBe(false)
      // each call carries its line at v1.4.0
      expect(h.entries().find((e) => e.endpoint === 'ContainerExec')?.source?.file).toBe(
        'pkg/kubelet/dockertools/exec.go',
      )
      h.terminal.close()
      await h.done
      expect(h.closed()).toEqual({ exitCode: null })
    },
  )

  daemonTest(
    'starts the pod as setup: the pause and app containers, each call flagged',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'exec', '1.4', { rows: 24, cols: 80 })
      await h.isOpen
      const setup = h.entries().filter((e) => e.setup)
      expect(
        setup.filter((e) => e.path.startsWith('/containers/create')).map((e) => e.status),
      ).toEqual([201, 201])
      h.terminal.close()
    },
  )

  daemonTest(
    'two panes on one daemon create the pod once (no 409, no 304) and both exec into it',
    async ({ serveDaemon }) => {
      const daemon = serveDaemon()
      const a = harness(daemon, 'exec', '1.3', { rows: 24, cols: 80 })
      const b = harness(daemon, 'exec', '1.4', { rows: 24, cols: 80 })
      await Promise.all([a.isOpen, b.isOpen])
      const all = [...a.entries(), ...b.entries()]
      expect(all.filter((e) => e.path.startsWith('/containers/create'))).toHaveLength(2)
      expect(all.filter((e) => e.status === 409 || e.status === 304)).toEqual([])
      expect(a.calls().filter((c) => c.includes('/exec'))).toHaveLength(2)
      expect(daemon.state.execs.size).toBe(2)
      a.terminal.close()
      b.terminal.close()
    },
  )

  daemonTest(
    'sends no resize call with Kubernetes 1.3, whatever the pane does; stty size says 0 0',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'exec', '1.3', { rows: 24, cols: 80 })
      await h.isOpen
      h.terminal.resize({ rows: 40, cols: 120 })
      h.terminal.write('stty size\r')
      await h.settled()
      expect(h.calls().some((c) => c.includes('resize'))).toBe(false)
      expect(h.text()).toContain('stty size\r\n0 0\r\n')
      h.terminal.close()
    },
  )

  daemonTest(
    'attach -it with 1.4: list, attach without stderr and no inspect, size+1 then size',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'attach', '1.4', { rows: 10, cols: 40 })
      await h.isOpen
      await h.settled()
      const shell = [...h.daemon.state.containers.values()].find((c) =>
        c.name.startsWith('/k8s_shell'),
      )
      if (!shell) throw new Error('no shell container')
      expect(h.calls()).toEqual([
        '200 GET /containers/json?limit=0',
        `200 POST /containers/${shell.id}/attach?stdin=1&stdout=1&stream=1`,
        `200 POST /containers/${shell.id}/resize?h=11&w=41`,
        `200 POST /containers/${shell.id}/resize?h=10&w=40`,
      ])
      h.terminal.close()
      await h.done
      expect(h.calls().filter((c) => c.includes(`/containers/${shell.id}/json`))).toEqual([])
    },
  )

  daemonTest(
    'types into the shell: stty size follows 1.4’s resize, exit 3 ends it with the exec’s code',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'exec', '1.4', { rows: 24, cols: 80 })
      expect(await h.isOpen).toEqual({ stdin: true })
      await h.settled()
      h.terminal.write('stty size\r')
      await h.settled()
      expect(h.text()).toContain('stty size\r\n24 80\r\n')
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
      expect(h.calls().at(-1)).toMatch(/^200 GET \/exec\/\w+\/json$/)
    },
  )

  daemonTest(
    'reports a session that cannot open, with the daemon’s own message',
    async ({ serveDaemon }) => {
      const h = harness(serveDaemon(), 'exec', '1.4', { rows: 24, cols: 80 })
      await h.isOpen
      h.terminal.close()
      await h.done
      const nginx = [...h.daemon.state.containers.values()].find((c) =>
        c.name.startsWith('/k8s_nginx'),
      )
      expect((await h.fetch('POST', `/containers/${nginx?.id}/pause`)).status).toBe(204)
      // A paused container is still Running in its inspect, so the exec create is what fails.
      const again = harness(h.daemon, 'exec', '1.4', { rows: 24, cols: 80 })
      await again.done
      expect(again.closed()?.error).toMatch(/is paused/)
      expect(again.calls().some((c) => c.includes('/start'))).toBe(false)
    },
  )
})
