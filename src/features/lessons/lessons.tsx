import { useEffect, useState } from 'react'
import lessonsFile from '../../../data/lessons.json'
import { AppLink } from '../../components/app-link'
import type { TerminalPanelComponent } from '../../components/terminal-slot'
import type { LessonsFile } from '../../domain/schemas/lessons'
import { useNavigation } from '../../hooks/use-navigation'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session'
import { openWorkerSession } from '../../lib/daemon-client/worker-session'
import { useI18n } from '../../lib/i18n'
import { LessonList } from './lesson-list'
import { LessonStepView } from './lesson-step'
import { LessonTerminal } from './lesson-terminal'

// Validated, and every step replayed against the daemon model, by tests/lessons.test.ts.
const lessons = (lessonsFile as LessonsFile).lessons

interface LessonsProps {
  openSession?: typeof openWorkerSession
  /** The browser terminal (from the app shell), shown by the exec -it and attach -it lessons. */
  terminal?: TerminalPanelComponent
}

export default function Lessons({ openSession = openWorkerSession, terminal }: LessonsProps) {
  const { t, language } = useI18n()
  const { state, update } = useNavigation()
  const [session, setSession] = useState<DaemonSession | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const lesson = lessons.find((l) => l.id === state.lesson)

  useEffect(() => {
    if (!state.lesson) return
    let cancelled = false
    // Lessons run on the playground's Docker 1.12.6 daemon: what a learner builds stays there.
    openSession('1.12.6').then(
      (opened) => !cancelled && setSession(opened),
      (error: unknown) => !cancelled && setFailure(String(error)),
    )
    return () => {
      cancelled = true
    }
  }, [openSession, state.lesson])

  if (!state.lesson)
    return (
      <section className="view" aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t('lessonsHeading')}</h2>
        <p className="intro">{t('lessonsIntro')}</p>
        <LessonList lessons={lessons} />
      </section>
    )

  const back = (
    <AppLink className="back-link" to={(s) => ({ ...s, view: 'lessons', lesson: '', step: 1 })}>
      ← {t('allLessons')}
    </AppLink>
  )
  if (!lesson)
    return (
      <section className="view" aria-labelledby="lessons-heading">
        {back}
        <h2 id="lessons-heading">{t('lessonNotFound', { id: state.lesson })}</h2>
      </section>
    )

  const count = lesson.steps.length
  const index = Math.min(state.step, count) - 1
  const step = lesson.steps[index]
  const goTo = (n: number) => update((s) => ({ ...s, step: n }), 'push')

  return (
    <section className="view lesson" aria-labelledby="lessons-heading">
      {back}
      <h2 id="lessons-heading">{lesson.title[language]}</h2>
      <p className="intro">{lesson.summary[language]}</p>
      {failure && (
        <p className="callout callout-wrong" role="alert">
          {t('daemonFailed', { error: failure })}
        </p>
      )}
      <div className="lesson-grid">
        <nav aria-label={t('lessonSteps')}>
          <ol className="step-list">
            {lesson.steps.map((s, i) => (
              <li key={s.id}>
                <AppLink
                  to={(current) => ({ ...current, step: i + 1 })}
                  aria-current={i === index ? 'step' : undefined}
                >
                  {s.title[language]}
                </AppLink>
              </li>
            ))}
          </ol>
          <button
            type="button"
            disabled={!session}
            onClick={() => {
              session?.reset()
              goTo(1)
            }}
          >
            {t('startOver')}
          </button>
        </nav>
        <div>
          <p className="muted">{t('stepOf', { step: index + 1, count })}</p>
          {step && <LessonStepView key={`${lesson.id}/${step.id}`} step={step} session={session} />}
          <p className="step-nav">
            <button type="button" disabled={index === 0} onClick={() => goTo(index)}>
              ← {t('previousStep')}
            </button>{' '}
            <button type="button" disabled={index + 1 >= count} onClick={() => goTo(index + 2)}>
              {t('nextStep')} →
            </button>
          </p>
        </div>
      </div>
      <LessonTerminal lessonId={lesson.id} session={session} terminal={terminal} />
    </section>
  )
}
