import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect } from 'vitest'
import type { OpenSession } from '../../../tests/daemon-fixture.ts'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import Playground from './playground.tsx'
import { type PlaygroundState, playgroundUrl } from './playground-url.ts'
import { BASE, playgroundTest } from './test-daemon.ts'

/** A request typed into the form, as the URL carries it. */
let setRequest: (change: Partial<PlaygroundState>) => void = () => {}

function Harness({ openSession }: { openSession: OpenSession }) {
  return (
    <ViewHarness codec={playgroundUrl} search="?view=playground">
      {(view) => {
        setRequest = (change) => view.onChange((request) => ({ ...request, ...change }))
        return <Playground state={view.state} onChange={view.onChange} openSession={openSession} />
      }}
    </ViewHarness>
  )
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path.slice(1), BASE), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return (text === '' ? {} : JSON.parse(text)) as { Id: string }
}

const statusLine = () => document.querySelector('.status-line')?.textContent ?? ''

describe('Playground while a stream is open', () => {
  playgroundTest(
    'answers other requests, moves the stream’s time and stops it with its own button',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      const send = await screen.findByRole('button', { name: 'Send' })
      const { Id: container } = await call('POST', '/v1.24/containers/create?name=shell', {
        Image: 'busybox',
        Cmd: ['sh'],
        Tty: true,
        OpenStdin: true,
      })
      await call('POST', `/v1.24/containers/${container}/start`)
      const { Id: exec } = await call('POST', `/v1.24/containers/${container}/exec`, {
        AttachStdin: true,
        AttachStdout: true,
        Tty: true,
        Cmd: ['sh'],
      })

      setRequest({
        method: 'POST',
        path: `/v1.24/exec/${exec}/start`,
        body: '{"Detach":false,"Tty":true}',
        contentType: 'application/json',
      })
      await user.click(send)
      const streams = await screen.findByRole('region', { name: 'Open streams' })
      const stop = within(streams).getByRole('button', {
        name: `Stop POST /v1.24/exec/${exec}/start`,
      })
      // Send stays Send: the form is free while the stream is read.
      expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled()
      const progress = within(streams).getByTestId('stream-progress')
      const before = progress.textContent
      await waitFor(() => expect(progress.textContent).not.toBe(before))

      setRequest({ method: 'POST', path: `/v1.24/exec/${exec}/resize?h=40&w=120`, body: '' })
      await user.click(screen.getByRole('button', { name: 'Send' }))
      await waitFor(() => expect(statusLine()).toMatch(/^HTTP\/1\.1 200 OK/))
      expect(screen.getByRole('region', { name: 'Open streams' })).toBeInTheDocument()

      await user.click(stop)
      await waitFor(() =>
        expect(screen.queryByRole('region', { name: 'Open streams' })).not.toBeInTheDocument(),
      )
    },
  )
})
