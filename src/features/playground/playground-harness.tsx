import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { OpenSession } from '../../../tests/daemon-fixture.ts'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import Playground from './playground.tsx'
import { playgroundUrl } from './playground-url.ts'

/** The playground alone on its own URL, its daemon from the test's fixture (test-daemon.ts). */
export function PlaygroundHarness({ openSession }: { openSession: OpenSession }) {
  return (
    <ViewHarness codec={playgroundUrl} search="?view=playground">
      {({ state, onChange }) => (
        <Playground state={state} onChange={onChange} openSession={openSession} />
      )}
    </ViewHarness>
  )
}

/**
 * Renders the harness and waits until Send is there (the daemon's session is open); gives the
 * test's user and the path field, cleared when `clearPath` (the test types its own path).
 */
export async function openPlayground(openSession: OpenSession, clearPath = true) {
  const user = userEvent.setup()
  render(<PlaygroundHarness openSession={openSession} />)
  await screen.findByRole('button', { name: 'Send' })
  const path = screen.getByRole('textbox', { name: 'Path and query' })
  if (clearPath) await user.clear(path)
  return { user, path }
}
