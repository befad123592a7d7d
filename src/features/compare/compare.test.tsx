import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import { I18nProvider, useLanguageLoaded } from '../../lib/i18n/index.tsx'
import type { Language } from '../../lib/i18n/languages.ts'
import Compare from './compare.tsx'
import { compareUrl } from './compare-url.ts'

function InLanguage({ language, children }: { language: Language; children: ReactNode }) {
  useLanguageLoaded(language)
  return <I18nProvider language={language}>{children}</I18nProvider>
}

function Harness({ search }: { search: string }) {
  return (
    <ViewHarness codec={compareUrl} search={search}>
      {({ state, lang }) => (
        <InLanguage language={lang ?? 'en'}>
          <Compare state={state} />
        </InLanguage>
      )}
    </ViewHarness>
  )
}

function renderAt(search: string) {
  window.history.replaceState(null, '', `/${search}`)
  return render(<Harness search={search} />)
}

// The first render loads the view's chunk (eight data files): give it time.
const LOAD = { timeout: 10_000 }

const group = async (name: string) =>
  screen.findByRole('region', { name: new RegExp(`^${name} —`) }, LOAD)

const rowOf = (region: HTMLElement, id: string) =>
  within(region)
    .getAllByRole('row')
    .filter((row) => row.textContent?.includes(id))

describe('Compare view', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/')
  })

  it('1.21 → 1.24 shows the update endpoint and the swarm group added', async () => {
    renderAt('?view=compare&cmp=1.21..1.24')
    const containers = await group('containers')
    const update = rowOf(containers, 'ContainerUpdate').find((row) =>
      row.textContent?.includes('endpoint added'),
    )
    expect(update).toBeDefined()
    if (!update) return
    // The 1.22 changelog announces it; the row says which reference first shows it.
    expect(within(update).getByRole('link', { name: 'v1.22 bullet 2' })).toHaveAttribute(
      'href',
      expect.stringContaining('docker_remote_api.md#v1-22-api-changes'),
    )
    expect(within(update).getByText('1.22')).toBeInTheDocument()

    const swarm = await group('swarm')
    expect(within(swarm).getByRole('heading')).toHaveTextContent('new group: 5 endpoints added')
    for (const id of ['SwarmInspect', 'SwarmInit', 'SwarmJoin', 'SwarmLeave', 'SwarmUpdate']) {
      const [row] = rowOf(swarm, id)
      expect(row, id).toBeDefined()
      // The changelog never lists the swarm endpoints.
      if (row) expect(within(row).getByText('not in the changelog')).toBeInTheDocument()
    }
    // The copy endpoint's removal is the 1.24 changelog's bullet 17.
    const [copy] = rowOf(containers, 'ContainerCopy')
    expect(copy).toBeDefined()
    if (copy)
      expect(within(copy).getByRole('link', { name: 'v1.24 bullet 17' })).toBeInTheDocument()
  })

  it('tells where each side’s reference, as first shipped, differs from the 1.12.6 copy', async () => {
    renderAt('?view=compare&cmp=1.21..1.24')
    const heading = await screen.findByRole(
      'heading',
      { name: 'The references as first shipped' },
      LOAD,
    )
    const notes = heading.closest('section')
    if (!notes) throw new Error('no notes')
    expect(
      within(notes).getByText(/^API 1.21 as shipped with Docker v1.9.0: \d+ differences/),
    ).toBeVisible()
    expect(within(notes).getByText(/^API 1.24 as shipped with Docker v1.12.0/)).toBeVisible()
    expect(
      within(notes).getByRole('link', { name: 'The API 1.21 reference at v1.9.0' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/moby/moby/blob/v1.9.0/docs/reference/api/docker_remote_api_v1.21.md',
    )
  })

  it('the network endpoints appear in 1.21, none of them in the changelog', async () => {
    renderAt('?view=compare&cmp=1.20..1.21')
    const networks = await group('networks')
    expect(within(networks).getByRole('heading')).toHaveTextContent('new group: 6 endpoints added')
    expect(within(networks).getAllByText('not in the changelog')).toHaveLength(6)
    // …while the four volume endpoints of the same release are bullets 1-4 of v1.21.
    const volumes = await group('volumes')
    expect(within(volumes).getByRole('link', { name: 'v1.21 bullet 1' })).toBeInTheDocument()
  })

  it('reaches any pair in two clicks, each one a link that keeps the comparison in the URL', async () => {
    const user = userEvent.setup()
    renderAt('?view=compare')
    const from = await screen.findByRole('navigation', { name: 'From' }, LOAD)
    const to = screen.getByRole('navigation', { name: 'To' })
    await user.click(within(from).getByRole('link', { name: /API 1\.18/ }))
    await user.click(within(to).getByRole('link', { name: /API 1\.19/ }))
    expect(window.location.search).toBe('?view=compare&cmp=1.18..1.19')
    expect(within(to).getByRole('link', { name: /API 1\.19/ })).toHaveAttribute(
      'aria-current',
      'true',
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      'API 1.18 (Docker 1.6) → API 1.19 (Docker 1.7)',
    )
    // The Kubernetes 1.2 shortcut: Docker 1.6 against 1.10, one click.
    await user.click(screen.getByRole('link', { name: 'Kubernetes 1.2: Docker 1.6 → 1.10' }))
    expect(window.location.search).toBe('?view=compare&cmp=1.18..1.22')
  })

  it('narrows to the kubelet’s calls and shows what the 1.4 kubelet does about the differences', async () => {
    renderAt('?view=compare&cmp=1.21..1.24&kubelet=1')
    expect(
      await screen.findByRole('heading', { name: /20 calls from API 1.21 to 1.24/ }, LOAD),
    ).toBeVisible()
    // No swarm rows: the kubelet never calls them.
    expect(screen.queryByRole('region', { name: /^swarm —/ })).toBeNull()
    const angle = screen.getByRole('region', { name: /20 calls/ })
    const create = within(angle)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes('ContainerCreate'))
    expect(create).toBeDefined()
    if (!create) return
    expect(within(create).getByText('HostConfig.OomScoreAdj')).toBeInTheDocument()
    // Fields the kubelet sets are listed and marked; Healthcheck & co. are only counted.
    expect(
      within(create).getByText('HostConfig.OomScoreAdj (body)').closest('li'),
    ).toHaveTextContent('the 1.4 kubelet sets it')
    expect(within(create).queryByText(/Healthcheck/)).toBeNull()
    expect(
      within(create).getByText(/more changes to fields the 1.4 kubelet never sets/),
    ).toBeVisible()
    expect(within(create).getByText('HostConfig.Sysctls')).toBeInTheDocument()
    expect(
      within(create).getByText(/below API 1.24: A pod that asks for sysctls is refused/),
    ).toBeVisible()
  })

  it('says so when a side has no data, or both sides are the same', async () => {
    renderAt('?view=compare&cmp=1.17..1.24')
    expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent(
      'There is no data for API 1.17',
    )
    renderAt('?view=compare&cmp=1.22..1.22')
    expect(
      await screen.findByText('Both sides are API 1.22: pick two different versions.'),
    ).toBeVisible()
  })

  it('speaks Chinese with API identifiers untouched', async () => {
    renderAt('?view=compare&cmp=1.21..1.24&lang=zh')
    // The Chinese catalogue arrives after the first render.
    const headings = await screen.findAllByText('新分组：新增 5 个接口', { exact: false }, LOAD)
    const heading = headings.find((h) => h.textContent?.startsWith('swarm'))
    const swarm = heading?.closest('section')
    if (!swarm) throw new Error('no swarm section')
    expect(heading).toHaveTextContent('swarm — 新分组：新增 5 个接口')
    expect(within(swarm).getAllByText('更新日志未提到')).toHaveLength(5)
  })
})
