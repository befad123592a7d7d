import { Suspense, useState } from 'react'
import type { TerminalPanelComponent } from '../../components/terminal-slot.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'

/**
 * The two lessons about interactive sessions end at a real terminal on the lesson's own
 * container: `kubectl exec -it` into the shell of exec-it, `kubectl attach -it` to the top of
 * attach-resize (created with the lesson's command when it does not exist yet).
 */
const TERMINALS: Record<string, { mode: 'exec' | 'attach'; container: string; cmd: string[] }> = {
  'exec-it': { mode: 'exec', container: 'k8s_shell_demo', cmd: ['sh'] },
  'attach-resize': { mode: 'attach', container: 'k8s_top_demo', cmd: ['top'] },
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
          <Terminal
            session={session}
            mode={config.mode}
            container={config.container}
            cmd={config.cmd}
          />
        </Suspense>
      ) : (
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('terminalOpen')}
        </button>
      )}
    </section>
  )
}
