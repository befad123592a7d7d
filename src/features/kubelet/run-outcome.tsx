import { useI18n } from '../../lib/i18n/index.tsx'
import '../../lib/i18n/kubelet-messages.ts'
import type { ReleaseRun } from './run-operation.ts'

/**
 * How one release's run ended, in one line: the error the kubelet's code returned, or how many
 * calls the operation made and how many set the stage. Nothing while it is still running. The
 * Kubelet view and its embed say it the same way.
 */
export function RunOutcome({ run }: { run: ReleaseRun }) {
  const { t } = useI18n()
  if (run.error)
    return (
      <p className="callout callout-wrong">
        {t('kubeletRunFailed', { release: run.release, error: run.error })}
      </p>
    )
  if (!run.done) return null
  return (
    <p>
      {t('kubeletRunDone', {
        release: run.release,
        calls: run.calls.filter((c) => !c.call.setup).length,
        setup: run.calls.filter((c) => c.call.setup).length,
      })}
    </p>
  )
}
