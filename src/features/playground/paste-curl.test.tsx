import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect } from 'vitest'
import { openPlayground, PlaygroundHarness } from './playground-harness.tsx'
import { playgroundTest } from './test-daemon.ts'

const Harness = PlaygroundHarness

describe('pasting a curl command', () => {
  playgroundTest(
    'fills method, path, type and body when pasted into the path field, and sends it',
    async ({ openSession }) => {
      const { user, path } = await openPlayground(openSession)
      await user.click(path)
      await user.paste(
        `curl -sS --unix-socket /var/run/docker.sock -X POST -H 'Content-Type: application/json' --data-binary '{"Image":"busybox","Cmd":["top"]}' 'http://localhost/v1.24/containers/create?name=pasted'`,
      )
      expect(path).toHaveValue('/v1.24/containers/create?name=pasted')
      expect(screen.getByRole('combobox', { name: 'Method' })).toHaveValue('POST')
      expect(screen.getByRole('textbox', { name: 'Body' })).toHaveValue(
        '{"Image":"busybox","Cmd":["top"]}',
      )
      expect(
        screen.getByText('Filled from curl: POST /v1.24/containers/create?name=pasted.'),
      ).toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Send' }))
      await screen.findByText(/^HTTP\/1\.1 201 Created/)
    },
  )

  playgroundTest(
    'says which part of a command it could not read and leaves the form alone',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await screen.findByRole('button', { name: 'Send' })
      await user.click(screen.getByText('Paste a curl command'))
      await user.click(screen.getByRole('textbox', { name: /^curl command/ }))
      await user.paste('curl -X POST -d "$BODY" http://localhost/v1.24/containers/create')
      await user.click(screen.getByRole('button', { name: 'Fill the form' }))
      expect(screen.getByRole('alert')).toHaveTextContent('“$BODY”')
      expect(screen.getByRole('textbox', { name: 'Path and query' })).toHaveValue('/v1.24/version')
    },
  )
})
