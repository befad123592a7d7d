import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { App } from './app.tsx'
import { parseAppState } from './app-state.ts'

/**
 * A view links to another by naming it (src/lib/view-link.ts); the app writes the link with the
 * codec of the view it opens. These are the links that cross from one feature to another.
 */
function renderAt(search: string) {
  window.history.replaceState(null, '', `/${search}`)
  return render(<App initialState={parseAppState(search)} fallbackLanguage="en" />)
}

const cell = (id: string, release: '1.3' | '1.4') => {
  const row = document.querySelector<HTMLElement>(`tr[data-endpoint="${id}"]`)
  if (!row) throw new Error(`no row ${id}`)
  // Columns: title, method, path, group, since, K8s 1.3, K8s 1.4, change
  return row.querySelectorAll('td')[release === '1.3' ? 5 : 6] as HTMLElement
}

describe('links between views', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'))

  it('the matrix’s 1.4 tick of POST /exec/{id}/resize opens exec-it with the endpoint marked', () => {
    renderAt('')
    const link = within(cell('ExecResize', '1.4')).getByRole('link', { name: /exec-it/ })
    expect(Object.fromEntries(new URLSearchParams(link.getAttribute('href') ?? ''))).toEqual({
      view: 'kubelet',
      op: 'exec-it',
      ep: 'ExecResize',
    })
  })

  it('a 1.3 tick opens the kubelet view on 1.3, and following it keeps the matrix filter', async () => {
    const user = userEvent.setup()
    renderAt('?q=stop')
    const link = within(cell('ContainerStop', '1.3')).getByRole('link')
    expect(link.getAttribute('href')).toBe(
      '?view=kubelet&op=pod-delete&release=1.3&ep=ContainerStop',
    )
    await user.click(link)
    expect(window.location.search).toBe('?view=kubelet&op=pod-delete&release=1.3&ep=ContainerStop')
    // Back on the matrix tab, the reader's filter is still there (the page kept it).
    await user.click(screen.getByRole('link', { name: 'Endpoint matrix' }))
    expect(window.location.search).toBe('?q=stop')
  })

  it('an endpoint’s history mark opens that comparison', async () => {
    const user = userEvent.setup()
    renderAt('?view=endpoint&endpoint=ContainerCopy')
    const mark = await screen.findByRole('link', { name: /1\.24\s*removed/ }, { timeout: 10_000 })
    expect(mark.getAttribute('href')).toBe('?view=compare&cmp=1.23..1.24')
    await user.click(mark)
    expect(window.location.search).toBe('?view=compare&cmp=1.23..1.24')
  })

  it('an endpoint’s example opens in the playground with its request in the link', async () => {
    renderAt('?view=endpoint&endpoint=ContainerList&lang=zh')
    const link = await screen.findByRole('link', { name: /→/ }, { timeout: 10_000 })
    const params = new URLSearchParams(link.getAttribute('href') ?? '')
    expect(params.get('view')).toBe('playground')
    expect(params.get('lang')).toBe('zh')
    expect(params.get('p')).toBe('/containers/json?all=1')
  })
})
