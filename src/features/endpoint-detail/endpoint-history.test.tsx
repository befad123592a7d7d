import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import { I18nProvider, useLanguageLoaded } from '../../lib/i18n/index.tsx'
import EndpointHistory from './endpoint-history.tsx'
import { endpointUrl } from './endpoint-url.ts'

function English({ children }: { children: ReactNode }) {
  useLanguageLoaded('en')
  return <I18nProvider language="en">{children}</I18nProvider>
}

function Harness({ search }: { search: string }) {
  return (
    <ViewHarness codec={endpointUrl} search={search}>
      {({ state }) => (
        <English>
          <EndpointHistory id={state} />
        </English>
      )}
    </ViewHarness>
  )
}

function renderAt(search: string) {
  window.history.replaceState(null, '', `/${search}`)
  return render(<Harness search={search} />)
}

const strip = async () => {
  const heading = await screen.findByRole(
    'heading',
    { name: 'History from API 1.18 to 1.25' },
    { timeout: 10_000 },
  )
  const list = heading.parentElement?.querySelector('ol')
  if (!list) throw new Error('no history strip')
  return within(list)
    .getAllByRole('listitem')
    .map((item) =>
      item.textContent
        ?.replace(/[●◆✕·—]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
}

describe('Endpoint history strip', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/')
  })

  it('update: absent until 1.22, changed by 1.23’s changelog (restart policy), the same in 1.24', async () => {
    renderAt('?view=endpoint&endpoint=ContainerUpdate')
    expect(await strip()).toEqual([
      '1.18 absent',
      '1.19 absent',
      '1.20 absent',
      '1.21 absent',
      '1.22 since',
      '1.23 changed',
      '1.24 unchanged',
      '1.25 changed',
    ])
  })

  it('copy: present from 1.18, removed in 1.24; the mark opens that comparison', async () => {
    const user = userEvent.setup()
    renderAt('?view=endpoint&endpoint=ContainerCopy')
    const marks = await strip()
    expect(marks[6]).toBe('1.24 removed')
    expect(marks[7]).toBe('1.25 absent')
    // The comparison's own keys are the app's (src/app/view-links.test.tsx).
    await user.click(screen.getByRole('link', { name: /1\.24\s*removed/ }))
    expect(window.location.search).toBe('?view=compare')
  })
})
