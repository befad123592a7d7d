/**
 * Lesson requests name exec instances by their container, because an exec id only exists once
 * the learner has created it: `/exec/{exec:k8s_shell_demo}/resize` means "the newest exec
 * instance of the container named k8s_shell_demo". Resolved against the daemon's state at run
 * time, so a lesson survives a reload halfway through.
 */
const EXEC_SLOT = /\{exec:([A-Za-z0-9_.-]+)\}/g

export function resolveLessonPath(
  path: string,
  newestExecOf: (containerName: string) => string | undefined,
): string {
  return path.replace(EXEC_SLOT, (slot, name: string) => newestExecOf(name) ?? slot)
}
