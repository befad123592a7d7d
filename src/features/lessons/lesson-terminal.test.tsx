import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { TerminalPanelProps } from '../../components/terminal-slot.ts'
import { createDaemon } from '../../daemon/index.ts'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import { LessonTerminal } from './lesson-terminal.tsx'

/** Stands in for the lazy xterm panel: shows what the lesson hands it. */
function FakeTerminal({ mode }: TerminalPanelProps) {
  return <p>{`terminal ${mode}`}</p>
}

const session = makeSession('1.12.6', 'http://docker.test/', {
  daemon: createDaemon({ dockerVersion: '1.12.6' }),
  restoreError: null,
})

describe('LessonTerminal', () => {
  it('opens exec -it in the exec-it lesson and attach -it in the attach lesson', async () => {
    const user = userEvent.setup()
    const { unmount } = render(
      <LessonTerminal lessonId="exec-it" session={session} terminal={FakeTerminal} />,
    )
    await user.click(screen.getByRole('button', { name: 'Open a terminal' }))
    expect(await screen.findByText('terminal exec')).toBeInTheDocument()
    unmount()
    render(<LessonTerminal lessonId="attach-resize" session={session} terminal={FakeTerminal} />)
    await user.click(screen.getByRole('button', { name: 'Open a terminal' }))
    expect(await screen.findByText('terminal attach')).toBeInTheDocument()
  })

  it('shows nothing in the other lessons', () => {
    const { container } = render(
      <LessonTerminal lessonId="versions" session={session} terminal={FakeTerminal} />,
    )
    expect(container).toBeEmptyDOMElement()
  })
})
