/**
 * Keeps a node process alive while `work` runs. The in-process daemon's wake-ups are unref'd
 * timers (so they never hold `npm run daemon` open), which means a process whose only pending
 * work is a daemon timer — a stop waiting out a 30 s grace period on a PID 1 that ignores
 * SIGTERM — would exit with the await unsettled (Node's exit code 13) instead of waiting.
 */
export async function keepAliveWhile<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 60_000)
  try {
    return await work
  } finally {
    clearInterval(timer)
  }
}
