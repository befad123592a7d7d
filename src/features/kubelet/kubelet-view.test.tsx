import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect } from 'vitest'
import { daemonTest, type OpenSession } from '../../../tests/daemon-fixture.ts'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import { type DockerVersion, listContainers } from '../../daemon/index.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { kubeletUrl } from './kubelet-url.ts'
import KubeletView from './kubelet-view.tsx'

// A real simulated daemon behind the real MSW handlers (the daemon fixture): the model's calls
// are real fetches.
beforeEach(() => window.localStorage.clear())

function Harness({ search, openSession }: { search: string; openSession: OpenSession }) {
  return (
    <ViewHarness codec={kubeletUrl} search={search}>
      {({ state, onChange }) => (
        <KubeletView state={state} onChange={onChange} openSession={openSession} />
      )}
    </ViewHarness>
  )
}

const run = async () => {
  const button = await screen.findByRole('button', { name: 'Run on the simulated daemon' })
  await waitFor(() => expect(button).toBeEnabled())
  await userEvent.click(button)
  await screen.findByRole('button', { name: 'Run on the simulated daemon' }, { timeout: 15_000 })
}

describe('Kubelet view', () => {
  daemonTest(
    'runs pod-start for 1.4: the calls in order, each linked to its line at v1.4.0, the k8s_ containers appearing',
    async ({ openSession }) => {
      const opened: DaemonSession[] = []
      const open = async (version: DockerVersion) => {
        const session = await openSession(version)
        opened.push(session)
        return session
      }
      render(<Harness openSession={open} search="?view=kubelet&op=pod-start" />)
      await run()
      const table = screen.getByRole('table', { name: /Kubernetes 1.4 kubelet sent/ })
      const rows = within(table).getAllByRole('row').slice(1)
      // the pause image is absent from a fresh daemon: inspected (404), pulled, inspected again
      expect(rows[0]?.textContent).toContain(
        'GET /images/gcr.io/google_containers/pause-amd64:3.0/json?size=1',
      )
      expect(rows[0]?.textContent).toContain('404')
      expect(rows[1]?.textContent).toContain('POST /images/create?fromImage=gcr.io')
      const link = within(rows[0] as HTMLElement).getByRole('link', { name: 'docker.go:296' })
      expect(link.getAttribute('href')).toBe(
        'https://github.com/kubernetes/kubernetes/blob/v1.4.0/pkg/kubelet/dockertools/docker.go#L296',
      )
      // no /v1.24 prefix: the kubelet's client has no API version
      expect(table.textContent).not.toContain('/v1.')
      expect(table.textContent).toMatch(/\+ k8s_POD\.[0-9a-f]+_web_default_/)
      expect(table.textContent).toMatch(/\+ k8s_nginx\./)
      expect(
        screen.getByText(/Kubernetes 1.4: 23 calls for the operation, 0 before it/),
      ).toBeTruthy()
      // …and the daemon the playground uses holds them
      const session = opened.at(-1)
      if (!session) throw new Error('no session')
      const names = listContainers(session.daemon.state).map((c) => c.name)
      expect(names.filter((n) => n.startsWith('k8s_'))).toHaveLength(2)
    },
  )

  daemonTest(
    'aligns 1.3 and 1.4 call by call and marks the calls only 1.4 sends',
    async ({ openSession }) => {
      render(<Harness openSession={openSession} search="?view=kubelet&op=pod-start&release=both" />)
      await run()
      const table = screen.getByRole('table', { name: /1.3 and 1.4 call by call/ })
      const only14 = table.querySelectorAll('tr[data-diff="1.4"]')
      expect(only14.length).toBeGreaterThan(0)
      // 1.4's fmtDockerOpts asks the API version once more before each create
      const versions = [...only14].filter((row) => row.textContent?.includes('GET /version'))
      expect(versions.length).toBeGreaterThan(0)
      expect(within(versions[0] as HTMLElement).getByText('only 1.4')).toBeTruthy()
      expect(table.querySelectorAll('tr[data-diff="same"]').length).toBeGreaterThan(10)
      // the two runs started from the same daemon: both pulled the pause image
      const pulls = [...table.querySelectorAll('tr')].filter((row) =>
        row.textContent?.includes('POST /images/create?fromImage=gcr.io'),
      )
      expect(pulls[0]?.getAttribute('data-diff')).toBe('same')
    },
  )

  daemonTest(
    'coming from the matrix: names the operations that send the endpoint and marks its calls',
    async ({ openSession }) => {
      render(<Harness openSession={openSession} search="?view=kubelet&op=exec-it&ep=ExecResize" />)
      expect(
        screen.getByText(/Operations that send ExecResize with Kubernetes 1.4/).textContent,
      ).toContain('exec-it')
      await run()
      const table = screen.getByRole('table', { name: /Kubernetes 1.4 kubelet sent/ })
      const marked = table.querySelectorAll('tr.trace-highlight')
      expect(marked.length).toBeGreaterThan(0)
      for (const row of marked)
        expect(row.textContent).toMatch(/POST \/exec\/[0-9a-f]{12}\/resize\?h=24&w=80/)
      // exec -it: the list first, no stderr with a TTY
      const rows = within(table).getAllByRole('row').slice(1)
      expect(rows[0]?.textContent).toContain('GET /containers/json?limit=0')
      expect(table.textContent).toContain('AttachStderr=false')
      // the pod was started to set the stage, hidden until asked for
      expect(table.textContent).not.toContain('setup')
      await userEvent.click(screen.getByRole('checkbox', { name: /Show the setup calls/ }))
      expect(
        within(screen.getByRole('table', { name: /Kubernetes 1.4 kubelet sent/ })).getAllByText(
          'setup',
        ).length,
      ).toBeGreaterThan(5)
    },
  )

  daemonTest(
    'node clock: an hour of a 110-pod node, where the container GC inspects lead (1.3)',
    async ({ openSession }) => {
      render(<Harness openSession={openSession} search="?view=kubelet&release=1.3&pods=110" />)
      await userEvent.click(screen.getByRole('button', { name: 'Run an hour' }))
      expect(screen.getByTestId('node-time').textContent).toBe('1:00:00')
      const table = screen.getByRole('table', { name: /Kubernetes 1.3, 110 pods/ })
      const first = within(table).getAllByRole('row')[1]
      // each minute the container GC inspects all 220 containers: more than the 60 relists
      expect(first?.textContent).toContain('GET /containers/{id}/json')
      expect(first?.textContent).toContain('220')
      expect(screen.getByTestId('clock-total-1.3').textContent).toBe(
        (60 * (60 + 60 + 12 + 6 + 6 + 1 + 220) + 12 * 2).toLocaleString(),
      )
    },
  )
})
