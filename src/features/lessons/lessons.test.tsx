import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import lessonsFile from '../../../data/lessons.json'
import { createDaemon, type DockerVersion } from '../../daemon/index.ts'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'
import { useAppState } from '../../hooks/use-app-state.ts'
import { NavigationProvider } from '../../hooks/use-navigation.tsx'
import { makeSession } from '../../lib/daemon-client/daemon-session.ts'
import { parseAppState } from '../../lib/url-state.ts'
import { createHandlers } from '../../mocks/handlers/index.ts'
import Lessons from './lessons.tsx'

const BASE = 'http://docker.test/'
const server = setupServer()
const lessons = (lessonsFile as LessonsFile).lessons

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => window.localStorage.clear())

async function openTestSession(version: DockerVersion) {
  const daemon = createDaemon({ dockerVersion: version })
  server.use(...createHandlers(daemon, { baseUrl: BASE }))
  return makeSession(version, BASE, { daemon, restoreError: null })
}

function Harness({ search }: { search: string }) {
  const [state, update] = useAppState(parseAppState(search))
  return (
    <NavigationProvider value={{ state, update }}>
      <Lessons openSession={openTestSession} />
    </NavigationProvider>
  )
}

describe('Lessons', () => {
  it('lists every lesson', () => {
    render(<Harness search="?view=lessons" />)
    for (const lesson of lessons)
      expect(screen.getByRole('heading', { name: lesson.title.en })).toBeInTheDocument()
  })

  it('walks the exec -it lesson through real MSW handlers, every step as promised', async () => {
    const user = userEvent.setup()
    const lesson = lessons.find((l) => l.id === 'exec-it')
    if (!lesson) throw new Error('exec-it lesson missing')
    render(<Harness search="?view=lessons&lesson=exec-it" />)
    for (const [index, step] of lesson.steps.entries()) {
      expect(screen.getByText(`Step ${index + 1} of ${lesson.steps.length}`)).toBeInTheDocument()
      const run = screen.getByRole('button', { name: 'Run this step' })
      await expect.poll(() => run.hasAttribute('disabled')).toBe(false)
      await user.click(run)
      expect(await screen.findByText(`✓ ${step.expect.status}, as expected.`)).toBeInTheDocument()
      if (index + 1 < lesson.steps.length)
        await user.click(screen.getByRole('button', { name: /Next step/ }))
    }
  })

  it('says when the daemon is not where the lesson expects it', async () => {
    const user = userEvent.setup()
    render(<Harness search="?view=lessons&lesson=exec-it&step=3" />)
    const run = screen.getByRole('button', { name: 'Run this step' })
    await expect.poll(() => run.hasAttribute('disabled')).toBe(false)
    await user.click(run)
    // Step 3 starts a container that steps 1–2 would have created: 404 instead of 204.
    expect(await screen.findByText(/✗ 404, but this step expects 204/)).toBeInTheDocument()
  })

  it('answers an unknown lesson id with a message, not a crash', () => {
    render(<Harness search="?view=lessons&lesson=nope" />)
    expect(
      screen.getByRole('heading', { name: 'There is no lesson with the id “nope”.' }),
    ).toBeInTheDocument()
  })
})
