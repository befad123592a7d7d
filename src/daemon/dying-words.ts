/**
 * What a program writes as a signal ends it, where that is part of what a learner sees in
 * `docker logs`. Kubernetes' pause (build/pause/pause.c at v1.3.0 / v1.4.0) handles SIGINT and
 * SIGTERM with `psignal(signo, "shutting down, got signal")` and exits 0: glibc's psignal writes
 * `<message>: <strsignal text>` and a newline to stderr.
 */
const STRSIGNAL: Readonly<Record<number, string>> = { 2: 'Interrupt', 15: 'Terminated' }

export function dyingWords(argv: readonly string[], sig: number): string | null {
  const bin = argv[0] ?? ''
  if (bin.slice(bin.lastIndexOf('/') + 1) !== 'pause') return null
  const text = STRSIGNAL[sig]
  return text === undefined ? null : `shutting down, got signal: ${text}\n`
}
