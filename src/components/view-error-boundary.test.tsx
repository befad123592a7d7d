import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { NavigationProvider } from '../hooks/use-navigation.tsx'
import { formatLink, type View } from '../lib/view-link.ts'
import { ViewErrorBoundary } from './view-error-boundary.tsx'

function Broken(): never {
  throw new URIError('URI malformed')
}

function Harness({ broken }: { broken: boolean }) {
  // The links of a reader who has chosen no language.
  const navigation = {
    href: ({ view }: { view: View }) => formatLink(view, null, []),
    go: () => {},
  }
  return (
    <NavigationProvider value={navigation}>
      <h1>header stays</h1>
      <ViewErrorBoundary describe={(message) => `failed: ${message}`} backLabel="Back">
        {broken ? <Broken /> : <p>view body</p>}
      </ViewErrorBoundary>
    </NavigationProvider>
  )
}

describe('ViewErrorBoundary', () => {
  it('shows the error and a way back instead of blanking the page', () => {
    // React reports the caught error on the console as well; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<Harness broken />)
    quiet.mockRestore()
    expect(screen.getByRole('alert')).toHaveTextContent('failed: URI malformed')
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '?')
    expect(screen.getByRole('heading', { name: 'header stays' })).toBeInTheDocument()
  })

  it('renders its view when nothing fails', () => {
    render(<Harness broken={false} />)
    expect(screen.getByText('view body')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
