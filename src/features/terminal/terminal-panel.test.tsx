import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, vi } from 'vitest'
import { DAEMON_TEST_BASE, daemonTest } from '../../../tests/daemon-fixture.ts'
import type { SimulatedDaemon } from '../../daemon/index.ts'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import TerminalPanel from './terminal-panel.tsx'
import type { XtermViewProps } from './xterm-view.tsx'

// xterm.js needs a real layout engine; jsdom has none. The stand-in reports a pane of 24×80 and
// lets the test resize it, which is all the panel's logic sees of xterm.
vi.mock('./xterm-view.tsx', () => ({
  default: function FakeXterm({ label, onReady, onResize }: XtermViewProps) {
    onReady({ write: () => {}, size: () => ({ rows: 24, cols: 80 }) })
    return (
      <button type="button" onClick={() => onResize({ rows: 30, cols: 100 })}>
        resize {label}
      </button>
    )
  },
}))

/** The panel on a fresh daemon from the fixture (`serveDaemon`). */
function renderPanel(serveDaemon: () => SimulatedDaemon, strict = false) {
  const daemon = serveDaemon()
  const session = makeSession('1.12.6', DAEMON_TEST_BASE, { daemon, restoreError: null })
  const panel = <TerminalPanel session={session} />
  render(strict ? <StrictMode>{panel}</StrictMode> : panel)
  return daemon
}

/** The request log's rows as "pane? request status", newest first; the pod's setup left out. */
function logRows(withSetup = false): string[] {
  const table = within(screen.getByRole('region', { name: 'Requests' })).queryByRole('table')
  if (!table) return []
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .filter((row) => withSetup || !row.hasAttribute('data-setup'))
    .map((row) => row.textContent ?? '')
}

describe('TerminalPanel', () => {
  daemonTest(
    'opens an exec session and resizes its TTY with Kubernetes 1.4’s calls',
    async ({ serveDaemon }) => {
      const user = userEvent.setup()
      const daemon = renderPanel(serveDaemon)
      await waitFor(() =>
        expect(logRows().some((r) => /resize\?h=24&w=80 · exec\.go:\d+200 OK/.test(r))).toBe(true),
      )
      const exec = [...daemon.state.execs.keys()][0]?.slice(0, 12)
      expect(
        logRows().some((r) => r.includes(`POST /exec/${exec}…/start · exec.go:138200 OK`)),
      ).toBe(true)
      // the kubelet lists the containers first; the pod it needs was started as setup
      expect(logRows().at(-1)).toMatch(
        /^ContainerListGET \/containers\/json\?limit=0 · docker\.go:445/,
      )
      expect(logRows(true).filter((r) => r.includes('· setup')).length).toBeGreaterThan(10)
      await user.click(screen.getByRole('button', { name: /resize Terminal, Kubernetes 1\.4/ }))
      await waitFor(() =>
        expect(logRows()[0]).toBe(
          `ExecResizePOST /exec/${exec}…/resize?h=30&w=100 · exec.go:128200 OK${timeOf(0)}0 B`,
        ),
      )
    },
  )

  daemonTest(
    'keeps one live session under StrictMode’s remount (the first one is closed)',
    async ({ serveDaemon }) => {
      const daemon = renderPanel(serveDaemon, true)
      await waitFor(() =>
        expect(logRows().some((r) => /resize\?h=24&w=80 · exec\.go:\d+200 OK/.test(r))).toBe(true),
      )
      // Exactly one exec stream is open, and it is the one that was resized.
      const open = logRows().filter((r) => /\/start · .*200 OK/.test(r) && r.includes('streaming'))
      expect(open).toHaveLength(1)
      const live = [...daemon.state.execs.values()].filter((e) => e.phase === 'running')
      expect(live).toHaveLength(1)
      expect(open[0]).toContain(`/exec/${live[0]?.id.slice(0, 12)}…/start`)
      expect(screen.getByText(/pane 24×80 · open/)).toBeInTheDocument()
    },
  )

  daemonTest(
    'with 1.3’s behaviour sends no resize call, and side by side only 1.4’s pane resizes',
    async ({ serveDaemon }) => {
      const user = userEvent.setup()
      renderPanel(serveDaemon)
      await user.click(screen.getByRole('radio', { name: /Kubernetes 1\.3/ }))
      await waitFor(() => expect(logRows().some((r) => /\/start · .*200 OK/.test(r))).toBe(true))
      await user.click(screen.getByRole('button', { name: /resize Terminal, Kubernetes 1\.3/ }))
      // A resize call would have been answered in this time (1.4's take a few milliseconds here).
      await new Promise((resolve) => setTimeout(resolve, 200))
      // list, inspect, exec create, exec start: no resize
      expect(logRows()).toHaveLength(4)
      expect(logRows().some((r) => r.includes('resize'))).toBe(false)

      await user.click(screen.getByRole('radio', { name: /side by side/ }))
      const panes = await screen.findAllByRole('button', { name: /^resize Terminal/ })
      expect(panes).toHaveLength(2)
      await waitFor(() => expect(logRows().filter((r) => /\/start · /.test(r))).toHaveLength(2))
      // the pod the 1.3 session started is found on the first relist: nothing created again,
      // no 409 or 304 from two kubelets racing to create one name
      expect(logRows(true).filter((r) => r.includes('/containers/create'))).toEqual([])
      expect(logRows(true).filter((r) => /(409|304) /.test(r))).toEqual([])
      await waitFor(() => expect(logRows().filter((r) => r.includes('resize'))).toHaveLength(1))
      expect(logRows().find((r) => r.includes('resize'))).toMatch(/^1\.4ExecResizePOST/)
    },
  )
})

/** The time cell of a log row, read back so the row can be compared whole. */
function timeOf(index: number): string {
  const table = within(screen.getByRole('region', { name: 'Requests' })).getByRole('table')
  const row = within(table).getAllByRole('row')[index + 1]
  return row?.querySelectorAll('td')[3]?.textContent ?? ''
}
