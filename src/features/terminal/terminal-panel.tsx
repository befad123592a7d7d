import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { TerminalPanelProps } from '../../components/terminal-slot.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { type PaneRequest, RequestLog } from './request-log.tsx'
import { TerminalPane } from './terminal-pane.tsx'
import type { LoggedRequest, ResizeBehaviour, TerminalMode } from './terminal-session.ts'
import './terminal.css'
import '../../lib/i18n/view-messages.ts'

type Behaviours = '1.4' | '1.3' | 'both'

const LOG_LIMIT = 60

/** Side by side only where two 80-column terminals fit; a narrow screen starts with 1.4. */
function defaultBehaviours(): Behaviours {
  return window.matchMedia?.('(min-width: 1100px)').matches ? 'both' : '1.4'
}

/**
 * The interactive terminal: `kubectl exec -it` or `kubectl attach -it` against the simulated
 * daemon, with Kubernetes 1.4's resize calls or 1.3's silence, or both side by side.
 */
export default function TerminalPanel({ session, mode: fixedMode }: TerminalPanelProps) {
  const { t } = useI18n()
  const [mode, setMode] = useState<TerminalMode>(fixedMode ?? 'exec')
  const [behaviours, setBehaviours] = useState<Behaviours>(defaultBehaviours)
  const [generation, setGeneration] = useState(1)
  const [log, setLog] = useState<PaneRequest[]>([])
  const [ended, setEnded] = useState(0)
  const name = useId()
  const panes: ResizeBehaviour[] = behaviours === 'both' ? ['1.3', '1.4'] : [behaviours]

  const panel = useRef<HTMLDivElement>(null)
  // The panel replaces the button that opened it: the focus follows instead of falling to the page.
  useEffect(() => panel.current?.focus(), [])
  const latest = useRef(generation)
  latest.current = generation

  // A new session starts a new log: what its panes sent is then easy to compare.
  const restart = () => {
    setEnded(0)
    setLog([])
    setGeneration((g) => g + 1)
  }

  const onLog = useCallback(
    (pane: ResizeBehaviour, entry: LoggedRequest) =>
      setLog((previous) => {
        // The last words of a closed session (its stream's end) do not belong in the new log.
        if (generation !== latest.current) return previous
        const key = `${generation}-${pane}-${entry.id}`
        const index = previous.findIndex((e) => e.key === key)
        const next: PaneRequest = { ...entry, pane, key }
        if (index < 0) return [...previous, next].slice(-LOG_LIMIT)
        const copy = [...previous]
        copy[index] = next
        return copy
      }),
    [generation],
  )

  const choice = (
    value: string,
    label: string,
    checked: boolean,
    onChange: () => void,
    group: string,
  ) => (
    <label key={value}>
      <input type="radio" name={`${name}-${group}`} checked={checked} onChange={onChange} /> {label}
    </label>
  )

  return (
    <div className="terminal-panel" ref={panel} tabIndex={-1}>
      <div className="terminal-controls">
        {!fixedMode && (
          <fieldset>
            <legend>{t('terminalMode')}</legend>
            {choice(
              'exec',
              t('terminalModeExec'),
              mode === 'exec',
              () => {
                setMode('exec')
                restart()
              },
              'mode',
            )}
            {choice(
              'attach',
              t('terminalModeAttach'),
              mode === 'attach',
              () => {
                setMode('attach')
                restart()
              },
              'mode',
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('terminalBehaviour')}</legend>
          {(['1.4', '1.3', 'both'] as const).map((value) =>
            choice(
              value,
              value === 'both'
                ? t('terminalBehaviourBoth')
                : t(value === '1.4' ? 'terminalBehaviour14' : 'terminalBehaviour13'),
              behaviours === value,
              () => {
                setBehaviours(value)
                restart()
              },
              'behaviour',
            ),
          )}
        </fieldset>
        <button type="button" onClick={restart}>
          {ended > 0 ? t('terminalNewSession') : t('terminalRestart')}
        </button>
      </div>
      <div className="terminal-panes" data-count={panes.length}>
        {panes.map((pane) => (
          <TerminalPane
            key={`${generation}-${mode}-${pane}`}
            session={session}
            mode={mode}
            behaviour={pane}
            onLog={(entry) => onLog(pane, entry)}
            onEnded={() => setEnded((n) => n + 1)}
          />
        ))}
      </div>
      <div className="terminal-help" id="terminal-keys">
        <h4>{t('terminalKeysHeading')}</h4>
        <ul>
          <li>{t('terminalKeysShell')}</li>
          <li>{t('terminalKeysLeave')}</li>
          <li>{t('terminalKeysCopy')}</li>
        </ul>
        <p className="muted">{t('terminalStdinNote')}</p>
      </div>
      <RequestLog entries={log} panes={panes.length} />
    </div>
  )
}
