import { useEffect, useRef, useState } from 'react'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import {
  type LoggedRequest,
  type ResizeBehaviour,
  type TerminalMode,
  TerminalSession,
} from './terminal-session.ts'
import type { TerminalSize } from './terminal-size.ts'
import XtermView, { type XtermHandle } from './xterm-view.tsx'
import '../../lib/i18n/view-messages.ts'

type PaneState =
  | { kind: 'connecting' }
  | { kind: 'open'; stdin: boolean }
  | { kind: 'closed'; exitCode: number | null; error?: string }

interface TerminalPaneProps {
  session: DaemonSession
  mode: TerminalMode
  behaviour: ResizeBehaviour
  onLog(entry: LoggedRequest): void
  onEnded(): void
}

// kubectl attach's own words (pkg/kubectl/cmd/attach.go): attaching shows nothing until the
// process writes again.
const ATTACH_HINT = "\x1b[2mIf you don't see a command prompt, try pressing enter.\x1b[0m\r\n"

/** One terminal: an xterm view wired to one TerminalSession. */
export function TerminalPane({ session, mode, behaviour, onLog, onEnded }: TerminalPaneProps) {
  const { t } = useI18n()
  const [state, setState] = useState<PaneState>({ kind: 'connecting' })
  const [size, setSize] = useState<TerminalSize | null>(null)
  const terminal = useRef<TerminalSession | null>(null)
  const events = useRef({ onLog, onEnded })
  events.current = { onLog, onEnded }
  const id = `terminal-${behaviour.replace('.', '-')}-${mode}`

  const view = useRef<XtermHandle | null>(null)
  const onReady = (handle: XtermHandle) => {
    view.current = handle
  }

  // After the view's own effect (a child's effects run first), so the pane's size is known. The
  // session lives as long as the pane: React's StrictMode remount closes it and opens another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per mounted pane; the panel remounts the pane (a new key) for another mode, behaviour or target
  useEffect(() => {
    // False once the pane is gone: its session's last words are nobody's business then.
    let live = true
    const write = (bytes: Uint8Array | string) => view.current?.write(bytes)
    const initial = view.current?.size() ?? { rows: 0, cols: 0 }
    setSize(initial)
    const opened = new TerminalSession(
      session,
      { mode, behaviour, size: initial },
      {
        output: write,
        log: (entry) => events.current.onLog(entry),
        opened: ({ stdin }) => {
          if (mode === 'attach') write(ATTACH_HINT)
          setState({ kind: 'open', stdin })
        },
        closed: ({ exitCode, error }) => {
          if (!live) return
          write(
            `\r\n\x1b[2m[${exitCode === null ? 'session closed' : `exit code ${exitCode}`}]\x1b[0m\r\n`,
          )
          setState({ kind: 'closed', exitCode, error })
          events.current.onEnded()
        },
      },
    )
    terminal.current = opened
    opened.open()
    return () => {
      live = false
      opened.close()
      terminal.current = null
    }
  }, [])

  const caption =
    behaviour === '1.4'
      ? t('terminalCaption14', {
          call: mode === 'exec' ? '/exec/{id}/resize' : '/containers/{id}/resize',
        })
      : t('terminalCaption13')

  return (
    <section className="terminal-pane" aria-labelledby={`${id}-title`}>
      <header className="terminal-pane-header">
        <h4 id={`${id}-title`}>Kubernetes {behaviour}</h4>
        <span className="muted" data-testid={`${id}-size`}>
          {size && t('terminalPaneSize', { rows: size.rows, cols: size.cols })}
          {' · '}
          {state.kind === 'connecting' && t('terminalConnecting')}
          {state.kind === 'open' && t('terminalIsOpen')}
          {state.kind === 'closed' &&
            (state.exitCode === null
              ? t('terminalIsClosed')
              : t('terminalExited', { code: state.exitCode }))}
        </span>
      </header>
      <p className="muted terminal-caption">{caption}</p>
      {state.kind === 'open' && !state.stdin && (
        <p className="callout" role="status">
          {t('terminalNoStdin')}
        </p>
      )}
      {state.kind === 'closed' && state.error && (
        <p className="callout callout-wrong" role="alert">
          {state.error}
        </p>
      )}
      <XtermView
        label={t('terminalLabel', { version: behaviour })}
        describedBy="terminal-keys"
        onReady={onReady}
        onData={(data) => terminal.current?.write(data)}
        onResize={(next) => {
          setSize(next)
          terminal.current?.resize(next)
        }}
      />
    </section>
  )
}
