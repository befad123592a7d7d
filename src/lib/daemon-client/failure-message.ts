import type { Translate } from '../i18n/index.tsx'
import { RejectedPath } from './daemon-url.ts'
import '../i18n/view-messages.ts'

/** What to tell the learner when a request never reached the daemon. */
export function failureMessage(error: unknown, t: Translate): string {
  if (error instanceof RejectedPath) {
    if (error.reason === 'dot-segment') return t('pathDotSegment')
    if (error.reason === 'leaves-daemon') return t('pathLeavesDaemon')
    return t('pathNotAbsolute')
  }
  return t('requestFailed', { error: error instanceof Error ? error.message : String(error) })
}
