import { render, screen, within } from '@testing-library/react'
import { Suspense } from 'react'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { kubeletOperations } from '../../domain/kubelet-data.ts'
import { I18nProvider, loadLanguage } from '../../lib/i18n/index.tsx'
import { parseAppState } from '../app-state.ts'
import { EMBED_KINDS } from './embed-kinds.tsx'

/** The embed as embed.html draws it: the kind picked by `embed=`, the state from the query. */
async function renderEmbed(query: string, language: 'en' | 'zh' = 'en') {
  await loadLanguage(language)
  const kind = EMBED_KINDS['kubelet-trace']
  if (!kind) throw new Error('no kubelet-trace embed kind')
  return render(
    <I18nProvider language={language}>
      <Suspense fallback={null}>{kind.render(parseAppState(query))}</Suspense>
    </I18nProvider>,
  )
}

const dataCalls = (release: '1.3' | '1.4', op: string) =>
  kubeletOperations[release].operations.find((o) => o.id === op)?.calls ?? []

/** A request line as the reviewed data writes it: ids as {id}, the query sorted. */
const dataLine = (call: { method: string; path: string; query: Record<string, string> }) => {
  const query = new URLSearchParams(Object.entries(call.query).sort(([a], [b]) => (a < b ? -1 : 1)))
  return decodeURIComponent(`${call.method} ${call.path}${query.size ? `?${query}` : ''}`)
}
/** The same line read from the table: 64-hex ids as {id}, the kubelet's random name parts as data names them. */
const shownLine = (title: string) =>
  decodeURIComponent(title)
    .replace(/\b[0-9a-f]{64}\b/g, '{id}')
    .replace(
      /(k8s_\w+)\.[0-9a-f]+_web_default_[0-9a-f-]+_[0-9a-f]+/,
      '$1.{hash}_web_default_{uid}_{random}',
    )

const TIMEOUT = { timeout: 15_000 }

// The lazy chunk's first import transforms the daemon and the model (seconds under load): done
// once here, with room, so each test's wait is only the run.
beforeAll(() => import('./kubelet-trace-embed.tsx'), 60_000)
beforeEach(() => window.localStorage.clear())

describe('kubelet-trace embed', () => {
  it('runs pod-start for 1.4 in the page: the calls of data/kubelet, in order, with status and source line', async () => {
    await renderEmbed('?embed=kubelet-trace&view=kubelet&op=pod-start&release=1.4')
    const table = await screen.findByRole(
      'table',
      { name: 'The calls the Kubernetes 1.4 kubelet sent, in order' },
      TIMEOUT,
    )
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pod start pod-start')
    // an in-page run's few ms differ on every load: no time column
    expect(within(table).queryByRole('columnheader', { name: 'Time' })).toBeNull()
    const rows = within(table).getAllByRole('row').slice(1)
    const expected = dataCalls('1.4', 'pod-start')
    expect(expected.length).toBeGreaterThan(10)
    expect(
      rows.map((row) => {
        const call = row.querySelector('code.trace-call')?.getAttribute('title') ?? ''
        // (selectors, not role queries: jsdom computes roles slowly, 23 rows took seconds)
        const cells = row.querySelectorAll('td')
        return {
          line: shownLine(call),
          status: Number(cells[1]?.textContent),
          source: row.querySelector('a')?.getAttribute('href'),
        }
      }),
    ).toEqual(
      expected.map((call) => {
        const [file, line] = call.source.split(':')
        return {
          line: dataLine(call),
          status: call.status,
          source: `https://github.com/kubernetes/kubernetes/blob/v1.4.0/${file}#L${line}`,
        }
      }),
    )
    expect(screen.getByText(/Kubernetes 1.4: 23 calls for the operation, 0 before it/)).toBeTruthy()
    // its own daemon: the playground's stored one is neither read nor written
    expect(Object.keys(window.localStorage)).toEqual([])
  })

  it('aligns 1.3 and 1.4 when the URL asks for both, 1.4’s extra GET /version marked', async () => {
    await renderEmbed('?embed=kubelet-trace&view=kubelet&op=pod-start&release=both')
    const table = await screen.findByRole('table', { name: /1.3 and 1.4 call by call/ }, TIMEOUT)
    const only14 = [...table.querySelectorAll('tr[data-diff="1.4"]')]
    expect(only14.some((row) => row.textContent?.includes('GET /version'))).toBe(true)
    expect(table.querySelectorAll('tr[data-diff="1.3"]')).toHaveLength(0)
  })

  it('hides the setup calls of an operation that needs a pod first, and marks the endpoint from the URL', async () => {
    await renderEmbed('?embed=kubelet-trace&view=kubelet&op=exec-it&release=1.3&ep=ExecStart')
    const table = await screen.findByRole(
      'table',
      { name: 'The calls the Kubernetes 1.3 kubelet sent, in order' },
      TIMEOUT,
    )
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(dataCalls('1.3', 'exec-it').length)
    expect(table.textContent).not.toContain('setup')
    const marked = table.querySelectorAll('tr.trace-highlight')
    expect([...marked].map((row) => row.querySelector('code')?.textContent)).toEqual([
      expect.stringMatching(/^POST \/exec\/[0-9a-f]{12}\/start$/),
    ])
    expect(
      screen.getByText(/Kubernetes 1.3: 5 calls for the operation, \d+ before it/),
    ).toBeTruthy()
  })

  it('speaks Chinese with lang=zh; the requests stay as sent', async () => {
    await renderEmbed('?embed=kubelet-trace&view=kubelet&op=pod-start&lang=zh', 'zh')
    const table = await screen.findByRole(
      'table',
      { name: 'Kubernetes 1.4 的 kubelet 按顺序发出的调用' },
      TIMEOUT,
    )
    expect(screen.getByText(/全新的模拟 Docker 1\.12\.6 守护进程/)).toBeTruthy()
    expect(table.textContent).toContain('POST /containers/create')
  })

  it('links back to the Kubelet view with the same state', () => {
    const kind = EMBED_KINDS['kubelet-trace']
    const state = parseAppState('?embed=kubelet-trace&view=kubelet&op=exec-it&release=both')
    expect(kind?.fullView({ ...state, view: 'matrix' })).toMatchObject({
      view: 'kubelet',
      kubelet: { op: 'exec-it', release: 'both' },
    })
  })
})
