/**
 * The kubelet's waits: the exec poll interval, a `logs -f` read window, the grace before hanging
 * up a stream. A wait that lost a race is cancelled through `signal`, so a finished operation
 * leaves no timer behind (a build computing the model's facts exited 5 s late, waiting on one).
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
