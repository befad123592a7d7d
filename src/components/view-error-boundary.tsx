import { Component, type ReactNode } from 'react'
import { AppLink } from './app-link.tsx'

interface Props {
  /** The translated message, with {message} for the error's own text. */
  describe: (message: string) => string
  backLabel: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * One view's failure must not blank the page: the header, the tabs and the daemon's saved state
 * stay, and the reader gets the error and a way out. Keyed by view in the app, so opening another
 * view starts it afresh.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <section className="view">
        <p className="callout" role="alert">
          {this.props.describe(error.message)}
        </p>
        <AppLink to={{ view: 'matrix' }}>{this.props.backLabel}</AppLink>
      </section>
    )
  }
}
