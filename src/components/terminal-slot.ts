import type { ComponentType } from 'react'
import type { DaemonSession } from '../lib/daemon-client/daemon-session.ts'

/**
 * The browser terminal (src/features/terminal) as the playground and the lessons receive it from
 * the app shell: features do not import each other, and the terminal's chunk (xterm.js) loads
 * only when one is shown.
 */
export interface TerminalPanelProps {
  session: DaemonSession
  /**
   * Fixed by a lesson (`kubectl exec -it` or `kubectl attach -it`); the playground offers both.
   * The kubelet model picks the pod: exec into its web pod's nginx, attach to its shell pod.
   */
  mode?: 'exec' | 'attach'
}

export type TerminalPanelComponent = ComponentType<TerminalPanelProps>
