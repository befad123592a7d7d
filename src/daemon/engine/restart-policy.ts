import type { ContainerRecord } from '../model/state.ts'

/**
 * Whether the restart policy brings the container back after its process exited with
 * `exitCode` (not stopped through the API).
 * @see moby restartmanager/restartmanager.go ShouldRestart at v1.12.6
 */
export function shouldRestart(c: ContainerRecord, exitCode: number): boolean {
  const policy = c.hostConfig.RestartPolicy
  const isPolicy = typeof policy === 'object' && policy !== null && !Array.isArray(policy)
  const name = isPolicy ? String(policy.Name ?? '') : ''
  if (name === 'always' || name === 'unless-stopped') return true
  if (name === 'on-failure') {
    const max = isPolicy ? Number(policy.MaximumRetryCount ?? 0) : 0
    return exitCode !== 0 && (max === 0 || c.restartCount < max)
  }
  return false
}

/**
 * The back-off before the next start: 100 ms, doubled after each quick exit up to one minute,
 * back to 100 ms once a run lasted 10 s (restartmanager.go's backoff).
 */
export function restartDelay(ranMs: number, previousMs: number): number {
  return ranMs >= 10_000 || previousMs === 0 ? 100 : Math.min(previousMs * 2, 60_000)
}
