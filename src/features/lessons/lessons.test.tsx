import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect } from 'vitest'
import lessonsFile from '../../../data/lessons.json'
import { daemonTest, type OpenSession } from '../../../tests/daemon-fixture.ts'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'
import Lessons from './lessons.tsx'
import { lessonsUrl } from './lessons-url.ts'

const lessons = (lessonsFile as LessonsFile).lessons

beforeEach(() => window.localStorage.clear())

function Harness({ search, openSession }: { search: string; openSession: OpenSession }) {
  return (
    <ViewHarness codec={lessonsUrl} search={search}>
      {({ state }) => <Lessons state={state} openSession={openSession} />}
    </ViewHarness>
  )
}

describe('Lessons', () => {
  daemonTest('lists every lesson', ({ openSession }) => {
    render(<Harness openSession={openSession} search="?view=lessons" />)
    for (const lesson of lessons)
      expect(screen.getByRole('heading', { name: lesson.title.en })).toBeInTheDocument()
  })

  daemonTest(
    'walks the exec -it lesson through real MSW handlers, every step as promised',
    async ({ openSession }) => {
      const user = userEvent.setup()
      const lesson = lessons.find((l) => l.id === 'exec-it')
      if (!lesson) throw new Error('exec-it lesson missing')
      render(<Harness openSession={openSession} search="?view=lessons&lesson=exec-it" />)
      for (const [index, step] of lesson.steps.entries()) {
        expect(screen.getByText(`Step ${index + 1} of ${lesson.steps.length}`)).toBeInTheDocument()
        const run = screen.getByRole('button', { name: 'Run this step' })
        await expect.poll(() => run.hasAttribute('disabled')).toBe(false)
        await user.click(run)
        expect(await screen.findByText(`✓ ${step.expect.status}, as expected.`)).toBeInTheDocument()
        if (index + 1 < lesson.steps.length)
          await user.click(screen.getByRole('button', { name: /Next step/ }))
      }
    },
  )

  daemonTest('says when the daemon is not where the lesson expects it', async ({ openSession }) => {
    const user = userEvent.setup()
    render(<Harness openSession={openSession} search="?view=lessons&lesson=exec-it&step=3" />)
    const run = screen.getByRole('button', { name: 'Run this step' })
    await expect.poll(() => run.hasAttribute('disabled')).toBe(false)
    await user.click(run)
    // Step 3 starts a container that steps 1–2 would have created: 404 instead of 204.
    expect(await screen.findByText(/✗ 404, but this step expects 204/)).toBeInTheDocument()
  })

  daemonTest('answers an unknown lesson id with a message, not a crash', ({ openSession }) => {
    render(<Harness openSession={openSession} search="?view=lessons&lesson=nope" />)
    expect(
      screen.getByRole('heading', { name: 'There is no lesson with the id “nope”.' }),
    ).toBeInTheDocument()
  })

  daemonTest(
    'predict mode: Run waits for a prediction, then grades it and shows why',
    async ({ openSession }) => {
      const user = userEvent.setup()
      window.localStorage.setItem('docker-api-explorer:predict', '1')
      render(
        <Harness
          openSession={openSession}
          search="?view=lessons&lesson=container-lifecycle&step=1"
        />,
      )
      const step = screen.getByRole('article')
      const run = within(step).getByRole('button', { name: 'Run this step' })
      expect(run).toBeDisabled()
      // The explanation is the answer: hidden until the learner has committed.
      expect(within(step).queryByText(/no process yet/)).toBeNull()
      const choices = within(step).getAllByRole('radio')
      expect(choices.map((c) => (c as HTMLInputElement).value)).toContain('201')
      await user.click(within(step).getByRole('radio', { name: /^200/ }))
      await expect.poll(() => run.hasAttribute('disabled')).toBe(false)
      await user.click(run)
      expect(
        await within(step).findByText(
          'You predicted 200; Docker 1.12.6 answers 201: the explanation above says why.',
        ),
      ).toBeInTheDocument()
      expect(within(step).getByText(/no process yet/)).toBeInTheDocument()
      const saved = JSON.parse(
        window.localStorage.getItem('docker-api-explorer:lesson:container-lifecycle') ?? '{}',
      ) as { predicted: Record<string, number>; answered: Record<string, number> }
      expect(saved.predicted).toEqual({ create: 200 })
      expect(saved.answered).toEqual({ create: 201 })
    },
  )

  daemonTest(
    'a step that needs an earlier capture names it instead of {{…}} and runs the earlier steps',
    async ({ openSession }) => {
      const user = userEvent.setup()
      render(<Harness openSession={openSession} search="?view=lessons&lesson=exec-it&step=7" />)
      const step = screen.getByRole('article')
      expect(step.textContent).not.toContain('{{')
      expect(within(step).getByText(/‹Id from step 6›/)).toBeInTheDocument()
      expect(within(step).getByRole('button', { name: 'Run this step' })).toBeDisabled()
      const earlier = within(step).getByRole('button', { name: 'Run the earlier steps first (6)' })
      await expect.poll(() => earlier.hasAttribute('disabled')).toBe(false)
      await user.click(earlier)
      await expect
        .poll(() => step.querySelector('.request-preview')?.textContent ?? '')
        .toMatch(/\/exec\/[0-9a-f]{64}\/resize/)
      await user.click(within(step).getByRole('button', { name: 'Run this step' }))
      expect(await within(step).findByText('✓ 404, as expected.')).toBeInTheDocument()
      // Seven of ten steps are now done; the step list ticks them.
      expect(screen.getByText('7 of 10 steps run')).toBeInTheDocument()
    },
  )

  daemonTest(
    'shows a finished lesson as complete, with the next lesson, and ticks it in the list',
    async ({ openSession }) => {
      const lesson = lessons.find((l) => l.id === 'versions')
      if (!lesson) throw new Error('versions lesson missing')
      window.localStorage.setItem(
        'docker-api-explorer:lesson:versions',
        JSON.stringify({
          vars: {},
          answered: Object.fromEntries(lesson.steps.map((s) => [s.id, s.expect.status])),
          predicted: {},
        }),
      )
      const view = render(
        <Harness openSession={openSession} search="?view=lessons&lesson=versions" />,
      )
      expect(screen.getByText('Lesson complete.')).toBeInTheDocument()
      const next = lessons[lessons.indexOf(lesson) + 1]
      if (next)
        expect(
          screen.getByRole('link', { name: `Next lesson: ${next.title.en} →` }),
        ).toBeInTheDocument()
      view.unmount()
      render(<Harness openSession={openSession} search="?view=lessons" />)
      const card = screen
        .getByRole('heading', { name: lesson.title.en })
        .closest('li') as HTMLElement
      expect(within(card).getByText('Lesson complete.')).toBeInTheDocument()
      expect(
        within(card).getByText(`${lesson.steps.length} of ${lesson.steps.length} steps run`),
      ).toBeInTheDocument()
    },
  )

  daemonTest('holds a print handout with every step and an answer key', ({ openSession }) => {
    render(
      <Harness openSession={openSession} search="?view=lessons&lesson=kubelet-1-3-vs-1-4&step=4" />,
    )
    const lesson = lessons.find((l) => l.id === 'kubelet-1-3-vs-1-4')
    const handout = document.querySelector('.handout') as HTMLElement
    expect(handout.querySelectorAll('.handout-steps > li')).toHaveLength(lesson?.steps.length ?? 0)
    const key = handout.querySelector('.answer-key') as HTMLElement
    expect(within(key).getAllByRole('row')).toHaveLength((lesson?.steps.length ?? 0) + 1)
    expect(handout.textContent).not.toContain('{{')
    // A worksheet: the explanation that gives the status away is in the key, not under the
    // question; and the lesson's trace tables are printed too.
    const steps = handout.querySelector('.handout-steps') as HTMLElement
    for (const step of lesson?.steps ?? []) {
      expect(steps.textContent).not.toContain(step.text.en)
      expect(key.textContent).toContain(step.text.en)
    }
    expect(
      within(handout).getAllByRole('table', { name: /The Docker API calls each kubelet sends/ }),
    ).toHaveLength(2)
    // The traces are the kubelet model's: the container list first, then what only 1.4 sends
    // (exec: one resize through kubectl's one-slot queue; attach: size+1, then size).
    const onScreen = within(document.querySelector('.screen-only') as HTMLElement)
    const exec = onScreen.getByRole('table', { name: /kubectl exec -it: The Docker API calls/ })
    const attach = onScreen.getByRole('table', { name: /kubectl attach -it: The Docker API calls/ })
    const onlyIn14 = (trace: HTMLElement) =>
      within(trace)
        .getAllByText('not sent')
        .map((cell) => (cell.closest('tr') as HTMLElement).textContent)
    expect(onlyIn14(exec)).toEqual([expect.stringMatching(/resize\?h=24&w=80 exec\.go:128$/)])
    expect(onlyIn14(attach)).toEqual([
      expect.stringMatching(/resize\?h=25&w=81 docker_manager\.go:1244$/),
      expect.stringMatching(/resize\?h=24&w=80 docker_manager\.go:1244$/),
    ])
    for (const trace of [exec, attach]) {
      const first = within(trace).getAllByRole('row')[1]
      expect(first?.textContent).toContain('GET /containers/json?limit=0')
      expect(trace.textContent).not.toContain('stderr=1')
      expect(trace.textContent).not.toContain('/v1.24')
    }
    // Each 1.3 call links to its own line at the 1.3 tag.
    expect(within(exec).getByRole('link', { name: 'exec.go:109' }).getAttribute('href')).toContain(
      '/blob/v1.3.0/pkg/kubelet/dockertools/exec.go#L109',
    )
  })
})
