import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from './app.tsx'
import { parseAppState } from './app-state.ts'

// Independent of our data: the v1.24 doc shipped with Docker 1.12.6 documents 78 endpoints
// (`npm run audit:sources` checks data/ against that doc's list).
const referenceCount = 78

function renderAt(search: string) {
  window.history.replaceState(null, '', `/${search}`)
  return render(<App initialState={parseAppState(search)} fallbackLanguage="en" />)
}

const matrixRows = () =>
  screen
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-endpoint'))
    .map((row) => row.getAttribute('data-endpoint'))

describe('App', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/')
  })

  it('shows every endpoint of API 1.24 plus the article’s copy row', () => {
    renderAt('')
    expect(matrixRows()).toHaveLength(referenceCount + 1)
    expect(screen.getByRole('status')).toHaveTextContent(
      `Kubernetes 1.4 calls 20 of ${referenceCount} endpoints, 2 more than 1.3 (18); the article ticks 22 and 20.`,
    )
  })

  it('filters as you type and writes the filter into the URL', async () => {
    const user = userEvent.setup()
    renderAt('')
    await user.type(screen.getByRole('searchbox', { name: 'Search endpoints' }), 'resize')
    expect(matrixRows().sort()).toEqual(['ContainerResize', 'ExecResize'])
    // The URL follows right after the next paint.
    await waitFor(() => expect(window.location.search).toBe('?q=resize'))
  })

  it('titles an endpoint page with its name and route, not the internal id', async () => {
    renderAt('?view=endpoint&endpoint=ExecResize')
    await waitFor(() => expect(document.title).toMatch(/^\S.* \(POST \/exec\/\{id\}\/resize\) · /))
    expect(document.title).not.toMatch(/^ExecResize/)
  })

  it('restores filters from the URL', () => {
    renderAt('?k13=no&k14=yes')
    expect(matrixRows().sort()).toEqual(['ContainerResize', 'ExecResize'])
    expect(screen.getByRole('combobox', { name: 'Kubernetes 1.3' })).toHaveValue('no')
  })

  it('explains the article’s wrong ticks in the row itself', () => {
    renderAt('?q=kill')
    const row = screen
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-endpoint') === 'ContainerKill')
    if (!row) throw new Error('no kill row')
    expect(within(row).getByText('Article wrong')).toBeInTheDocument()
    expect(within(row).getAllByText('article says')).toHaveLength(2)
  })

  it('sorts by a header and reflects it in aria-sort and the URL', async () => {
    const user = userEvent.setup()
    renderAt('?group=exec')
    const header = screen.getByRole('columnheader', { name: /Path/ })
    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    await waitFor(() => expect(window.location.search).toContain('sort=-path'))
  })

  it('switches language without translating API identifiers', async () => {
    const user = userEvent.setup()
    renderAt('?q=resize')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh')
    // The Chinese catalogue is a lazy chunk: it arrives a moment later.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Docker API 浏览器' }),
    ).toBeInTheDocument()
    expect(screen.getByText('/exec/{id}/resize')).toBeInTheDocument()
    await waitFor(() => expect(window.location.search).toContain('lang=zh'))
  })

  it('shows the article’s releases and which Kubernetes accepts them', async () => {
    const user = userEvent.setup()
    renderAt('?view=versions')
    const table = await screen.findByRole('table')
    // Header row + the article's 11 rows (1.2.x … 1.12.x).
    expect(within(table).getAllByRole('row')).toHaveLength(12)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Accepted by' }), '1.4')
    expect(within(table).getAllByRole('row')).toHaveLength(5)
    await user.click(screen.getByRole('button', { name: /^Select Docker 1\.12/ }))
    expect(screen.getByText(/speaks API 1\.24/)).toBeInTheDocument()
  })

  it('gives a release the same endpoint count in the versions table and in the matrix', async () => {
    const user = userEvent.setup()
    renderAt('?view=versions')
    await user.click(await screen.findByRole('button', { name: /^Select Docker 1\.9/ }))
    const offered = /offers (\d+) of the 78 endpoints/.exec(
      screen.getByText(/speaks API 1\.21/).textContent ?? '',
    )?.[1]
    expect(offered).toBeDefined()
    await user.click(screen.getByRole('link', { name: 'Show them in the matrix' }))
    const status = await screen.findByRole('status')
    expect(status).toHaveTextContent(`offers ${offered} of the 78 endpoints of API 1.24`)
    // The /copy row is shown too, and said to be a removed endpoint rather than a 79th.
    expect(status).toHaveTextContent(`Showing ${Number(offered) + 1} of 79 rows`)
    expect(status).toHaveTextContent('rows shown that API 1.24 removed: 1')
  })

  it('opens the lazy endpoint detail with documented and real status codes', async () => {
    renderAt('?view=endpoint&endpoint=ExecResize')
    expect(await screen.findByRole('heading', { level: 2 })).toBeInTheDocument()
    const codes = screen
      .getAllByRole('row')
      .filter((row) => row.classList.contains('row-differs'))
      .map((row) => row.querySelector('td strong')?.textContent)
    expect(codes).toEqual(expect.arrayContaining(['200', '201']))
  })

  it('says so when an endpoint id does not exist', async () => {
    renderAt('?view=endpoint&endpoint=NoSuchThing')
    expect(
      await screen.findByText('There is no endpoint with the id “NoSuchThing”.'),
    ).toBeInTheDocument()
  })
})
