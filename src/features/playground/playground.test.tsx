import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, vi } from 'vitest'
import { openPlayground, PlaygroundHarness } from './playground-harness.tsx'
import { playgroundTest } from './test-daemon.ts'

const Harness = PlaygroundHarness

async function send(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Send' }))
  await screen.findByRole('button', { name: 'Send' })
}

/** The Create preset (the endpoint's example body, a container named web), sent. */
async function createFromExample(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(
    await screen.findByRole('combobox', { name: /Start from/ }),
    'ContainerCreate',
  )
  await send(user)
}

const statusLine = () => document.querySelector('.status-line')?.textContent ?? ''

describe('Playground', () => {
  playgroundTest(
    'asks the daemon for its version and shows the status line and the Server header',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await send(user)
      expect(statusLine()).toMatch(/^HTTP\/1\.1 200 OK/)
      const headers = screen.getByRole('heading', { name: 'Headers' })
        .nextElementSibling as HTMLElement
      expect(within(headers).getByText('Docker/1.12.6 (linux)')).toBeInTheDocument()
      expect(screen.getByText(/"ApiVersion": "1.24"/)).toBeInTheDocument()
    },
  )

  playgroundTest(
    'creates a container from the endpoint example and lists it in the daemon state',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await screen.findByRole('button', { name: 'Send' })
      await user.selectOptions(
        screen.getByRole('combobox', { name: /Start from/ }),
        'ContainerCreate',
      )
      expect(screen.getByRole('textbox', { name: 'Path and query' })).toHaveValue(
        '/containers/create?name=web',
      )
      await send(user)
      expect(statusLine()).toMatch(/^HTTP\/1\.1 201 Created/)
      const state = screen.getByRole('region', { name: 'Daemon state' })
      expect(within(state).getByText('web')).toBeInTheDocument()
      await waitFor(() => expect(window.location.search).toContain('p=%2Fcontainers%2Fcreate'))
    },
  )

  playgroundTest(
    'answers malformed input with the daemon’s real error',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await screen.findByRole('button', { name: 'Send' })
      await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'POST')
      const path = screen.getByRole('textbox', { name: 'Path and query' })
      await user.clear(path)
      await user.type(path, '/v1.24/containers/create')
      // user-event reads "{{" as one literal "{": the body sent is {bad
      await user.type(screen.getByRole('textbox', { name: 'Body' }), '{{bad')
      await send(user)
      expect(statusLine()).toMatch(/^HTTP\/1\.1 500 Internal Server Error/)
      expect(
        screen.getByText(/invalid character 'b' looking for beginning of object key string/),
      ).toBeInTheDocument()
    },
  )

  playgroundTest(
    'keeps working with a stray % in the path, and sends it for the daemon to refuse',
    async ({ openSession }) => {
      const { user, path } = await openPlayground(openSession)
      await user.type(path, '/v1.24/containers/%ZZ/json')
      expect(path).toHaveValue('/v1.24/containers/%ZZ/json')
      await send(user)
      expect(statusLine()).toMatch(/^HTTP\/1\.1 400 Bad Request/)
    },
  )

  playgroundTest('refuses a client newer than the daemon, as 1.12 did', async ({ openSession }) => {
    const user = userEvent.setup()
    render(<Harness openSession={openSession} />)
    const path = await screen.findByRole('textbox', { name: 'Path and query' })
    await user.clear(path)
    await user.type(path, '/v1.99/version')
    await send(user)
    expect(statusLine()).toMatch(/^HTTP\/1\.1 400 Bad Request/)
    expect(screen.getByText(/client is newer than server/)).toBeInTheDocument()
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0))
  })

  playgroundTest(
    'keeps the history across a remount (a reload), sends an entry again, and clears it',
    async ({ openSession }) => {
      const user = userEvent.setup()
      const first = render(<Harness openSession={openSession} />)
      await send(user)
      first.unmount()
      render(<Harness openSession={openSession} />)
      const history = await screen.findByRole('region', { name: 'History' })
      expect(within(history).getByText('/v1.24/version')).toBeInTheDocument()
      await user.click(within(history).getByRole('button', { name: 'Repeat GET /v1.24/version' }))
      await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2))
      await user.click(within(history).getByRole('button', { name: 'Clear' }))
      expect(within(history).getByText('Nothing sent yet.')).toBeInTheDocument()
      // Written once the page is idle (storage-soon.ts), not on the click.
      await waitFor(() =>
        expect(window.localStorage.getItem('docker-api-explorer:history:1.12.6')).toBeNull(),
      )
    },
  )

  playgroundTest(
    'keeps the history when an import has nothing to replay, and asks before replacing it',
    async ({ openSession }) => {
      const user = userEvent.setup({ applyAccept: false })
      render(<Harness openSession={openSession} />)
      await send(user)
      const history = await screen.findByRole('region', { name: 'History' })
      await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(1))
      const saved = window.localStorage.getItem('docker-api-explorer:history:1.12.6') ?? ''
      const input = within(history).getByLabelText('Import JSON')
      // jsdom's File has no text(); browsers' does.
      const file = (text: string) =>
        Object.assign(new File([text], 'history.json', { type: 'application/json' }), {
          text: async () => text,
        })
      // Written by hand: a bare array with no exchange in it.
      await user.upload(input, file('[{"method":"GET","path":"/v1.24/containers/x/json"}]'))
      expect(await within(history).findByText(/Nothing imported/)).toBeInTheDocument()
      expect(within(history).getAllByRole('listitem')).toHaveLength(1)
      expect(window.localStorage.getItem('docker-api-explorer:history:1.12.6')).toBe(saved)
      // A real export replaces it only after a yes.
      const twice = JSON.stringify({
        history: [...JSON.parse(saved).history, ...JSON.parse(saved).history],
      })
      const confirm = vi
        .spyOn(window, 'confirm')
        .mockReturnValueOnce(false)
        .mockReturnValueOnce(true)
      await user.upload(input, file(twice))
      expect(confirm).toHaveBeenCalledTimes(1)
      expect(within(history).getAllByRole('listitem')).toHaveLength(1)
      await user.upload(input, file(twice))
      await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2))
      expect(within(history).getByText('Requests imported: 2.')).toBeInTheDocument()
      confirm.mockRestore()
    },
  )

  playgroundTest('sends with Ctrl+Enter from the body field', async ({ openSession }) => {
    const user = userEvent.setup()
    render(<Harness openSession={openSession} />)
    await screen.findByRole('button', { name: 'Send' })
    await user.click(screen.getByRole('textbox', { name: 'Body' }))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(statusLine()).toMatch(/^HTTP\/1\.1 200 OK/))
  })

  playgroundTest(
    'asks before resetting the daemon, and keeps it when the answer is no',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await createFromExample(user)
      const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false)
      await user.click(screen.getByRole('button', { name: 'Reset the daemon' }))
      expect(confirm).toHaveBeenCalledOnce()
      const state = screen.getByRole('region', { name: 'Daemon state' })
      expect(within(state).getByText('web')).toBeInTheDocument()
      confirm.mockReturnValueOnce(true)
      await user.click(screen.getByRole('button', { name: 'Reset the daemon' }))
      await waitFor(() => expect(within(state).queryByText('web')).toBeNull())
      confirm.mockRestore()
    },
  )

  playgroundTest(
    'fills the path with an id clicked in the answer, and gives h/w fields for a resize',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} />)
      await createFromExample(user)
      // The same id is offered in the daemon's state and under the answer; take the answer's.
      const idButtons = await screen.findAllByRole('button', {
        name: /^Use (container )?[0-9a-f]{12} in the request path$/,
      })
      expect(idButtons).toHaveLength(2)
      const idButton = idButtons[1] as HTMLElement
      await user.selectOptions(
        screen.getByRole('combobox', { name: /Start from/ }),
        'ContainerResize',
      )
      await user.click(idButton)
      const path = screen.getByRole('textbox', { name: 'Path and query' }) as HTMLInputElement
      expect(path.value).toMatch(/^\/containers\/[0-9a-f]{64}\/resize\?/)
      const height = screen.getByRole('spinbutton', { name: 'Height (h, rows)' })
      await user.clear(height)
      await user.type(height, '55')
      expect(path.value).toContain('h=55')
    },
  )
})
