import { Suspense, useState } from 'react'
import type { TerminalPanelComponent } from '../../components/terminal-slot.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/view-messages.ts'

/**
 * The two lessons about interactive sessions end at a real terminal, opened as the kubelet
 * model opens it: `kubectl exec -it` for exec-it, `kubectl attach -it` for attach-resize (the
 * model starts its pod first, flagged as setup in the log).
 */
const TERMINALS: Record<string, { mode: 'exec' | 'attach' }> = {
  'exec-it': { mode: 'exec' },
  'attach-resize': { mode: 'attach' },
}

interface LessonTerminalProps {
  lessonId: string
  session: DaemonSession | null
  terminal?: TerminalPanelComponent
}

export function LessonTerminal({ lessonId, session, terminal: Terminal }: LessonTerminalProps) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const config = TERMINALS[lessonId]
  if (!config || !Terminal || !session) return null
  return (
    <section className="lesson-terminal screen-only" aria-labelledby="lesson-terminal-heading">
      <h3 id="lesson-terminal-heading">{t('terminalHeading')}</h3>
      <p className="intro">{t('terminalIntro')}</p>
      {open ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Terminal session={session} mode={config.mode} />
        </Suspense>
      ) : (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('terminalOpen')}
        </button>
      )}
    </section>
  )
}
