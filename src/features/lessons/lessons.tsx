import { useEffect, useState } from 'react'
import './lessons.css'
// The lessons' and playground's strings travel with these chunks, not with the first page.
import '../../lib/i18n/feature-messages.ts'
import lessonsFile from '../../../data/lessons.json'
import { AppLink } from '../../components/app-link.tsx'
import { CopyEmbed } from '../../components/copy-embed.tsx'
import type { TerminalPanelComponent } from '../../components/terminal-slot.ts'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'
import { useNavigation } from '../../hooks/use-navigation.tsx'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { openWorkerSession } from '../../lib/daemon-client/worker-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { LessonHandout } from './lesson-handout.tsx'
import { LessonList } from './lesson-list.tsx'
import { clearProgress, useLessonProgress, usePredictMode } from './lesson-progress.ts'
import { runLessonStep } from './lesson-runner.ts'
import { LessonStepView } from './lesson-step.tsx'
import { LessonTerminal } from './lesson-terminal.tsx'
import { LessonTrace } from './lesson-trace.tsx'
import type { LessonsState } from './lessons-url.ts'
import '../../lib/i18n/view-messages.ts'

// Validated, and every step replayed against the daemon model, by tests/lessons.test.ts.
const lessons = (lessonsFile as LessonsFile).lessons

interface LessonsProps {
  state: LessonsState
  openSession?: typeof openWorkerSession
  /** The browser terminal (from the app shell), shown by the exec -it and attach -it lessons. */
  terminal?: TerminalPanelComponent
}

export default function Lessons({
  state,
  openSession = openWorkerSession,
  terminal,
}: LessonsProps) {
  const { t, language } = useI18n()
  const { go } = useNavigation()
  const [session, setSession] = useState<DaemonSession | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [predictMode, setPredictMode] = usePredictMode()
  const lesson = lessons.find((l) => l.id === state.lesson)
  const [progress, updateProgress] = useLessonProgress(lesson?.id ?? '')

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
    <AppLink className="back-link" to={{ view: 'lessons', lesson: '', step: 1 }}>
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
  const goTo = (n: number) => go({ view: 'lessons', step: n }, 'push')
  const done = lesson.steps.filter((s) => s.id in progress.answered).length
  const complete = done === count
  const predictions = lesson.steps.filter((s) => progress.predicted[s.id] !== undefined)
  const right = predictions.filter((s) => progress.predicted[s.id] === s.expect.status).length
  const next = lessons[lessons.indexOf(lesson) + 1]

  // The earlier steps not run yet, in order, through the same runner; their answers count as
  // run (not as predictions).
  const runEarlier = async () => {
    if (!session) return
    let vars = progress.vars
    for (const earlier of lesson.steps.slice(0, index)) {
      if (earlier.id in progress.answered) continue
      const result = await runLessonStep(earlier, vars, session)
      vars = result.vars
      const status = result.exchange.status
      updateProgress((p) => ({ ...p, vars, answered: { ...p.answered, [earlier.id]: status } }))
    }
  }

  return (
    <section className="view lesson" aria-labelledby="lessons-heading">
      <div className="screen-only">
        {back}
        <h2 id="lessons-heading">{lesson.title[language]}</h2>
        <p className="intro">{lesson.summary[language]}</p>
        <LessonTrace lesson={lesson} />
        {lesson.steps.some((s) => s.calledBy) && (
          <CopyEmbed query={`embed=trace&lesson=${lesson.id}`} title={t('traceCaption')} />
        )}
        <div className="lesson-tools">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={predictMode}
              onChange={(event) => setPredictMode(event.target.checked)}
            />{' '}
            {t('predictMode')}
          </label>
          <button type="button" onClick={() => window.print()}>
            {t('printHandout')}
          </button>
          <CopyEmbed
            query={`embed=lesson-step&lesson=${lesson.id}&step=${index + 1}`}
            title={step?.title[language] ?? lesson.title[language]}
          />
          <span className="muted">{t('lessonProgress', { done, count })}</span>
        </div>
        {session?.transport.inPage && (
          <p className="callout" role="status">
            {t('inPageNotice')}
          </p>
        )}
        {failure && (
          <p className="callout callout-wrong" role="alert">
            {t('daemonFailed', { error: failure })}
          </p>
        )}
        {complete && (
          <div className="callout lesson-complete" role="status">
            <p>
              <strong>{t('lessonComplete')}</strong>{' '}
              {predictions.length > 0 && t('predictionScore', { right, count: predictions.length })}
            </p>
            {next && (
              <AppLink className="button-link" to={{ view: 'lessons', lesson: next.id, step: 1 }}>
                {t('nextLesson', { title: next.title[language] })} →
              </AppLink>
            )}
          </div>
        )}
        <div className="lesson-grid">
          <div className="lesson-main">
            <p className="muted">{t('stepOf', { step: index + 1, count })}</p>
            {step && (
              <LessonStepView
                key={`${lesson.id}/${step.id}`}
                lesson={lesson}
                index={index}
                session={session}
                progress={progress}
                update={updateProgress}
                predictMode={predictMode}
                onRunEarlier={runEarlier}
              />
            )}
            <p className="step-nav">
              <button type="button" disabled={index === 0} onClick={() => goTo(index)}>
                ← {t('previousStep')}
              </button>{' '}
              <button type="button" disabled={index + 1 >= count} onClick={() => goTo(index + 2)}>
                {t('nextStep')} →
              </button>
            </p>
          </div>
          <nav aria-label={t('lessonSteps')} className="lesson-nav">
            <ol className="step-list">
              {lesson.steps.map((s, i) => (
                <li key={s.id}>
                  <AppLink
                    to={{ view: 'lessons', step: i + 1 }}
                    aria-current={i === index ? 'step' : undefined}
                  >
                    {s.title[language]}
                  </AppLink>
                  {s.id in progress.answered && (
                    <span className="step-done" title={t('stepDone')}>
                      {' '}
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">{t('stepDone')}</span>
                    </span>
                  )}
                </li>
              ))}
            </ol>
            <button
              type="button"
              disabled={!session}
              onClick={() => {
                if (!window.confirm(t('startOverConfirm'))) return
                session?.reset()
                clearProgress(lesson.id)
                goTo(1)
              }}
            >
              {t('startOver')}
            </button>
          </nav>
        </div>
      </div>
      <LessonTerminal lessonId={lesson.id} session={session} terminal={terminal} />
      <LessonHandout lesson={lesson} />
    </section>
  )
}
