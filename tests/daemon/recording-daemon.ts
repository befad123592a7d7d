import type { Daemon, DaemonRequest } from '../../src/daemon/index.ts'

export interface RecordedExchange {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body: string | null
  status: number
}

/**
 * Wraps a daemon so every request and its status are kept: when a real client (the docker CLI)
 * gets a wrong answer, the exact request goes into the report (docs/known-differences.md lists
 * the differences that are known and kept).
 */
export function recording(daemon: Daemon): { daemon: Daemon; exchanges: RecordedExchange[] } {
  const exchanges: RecordedExchange[] = []
  const decoder = new TextDecoder()
  const wrapped: Daemon = {
    async handle(request: DaemonRequest) {
      const response = await daemon.handle(request)
      exchanges.push({
        method: request.method,
        path: request.path,
        query: request.query.toString(),
        headers: request.headers,
        body: request.body === null ? null : decoder.decode(request.body),
        status: response.status,
      })
      return response
    },
    get state() {
      return daemon.state
    },
    reset: () => daemon.reset(),
    snapshot: () => daemon.snapshot(),
    restore: (json: string) => daemon.restore(json),
    stdin: (token: string) => daemon.stdin(token),
  }
  return { daemon: wrapped, exchanges }
}

/** One exchange as it would appear in a bug report. */
export function describeExchange(exchange: RecordedExchange): string {
  const query = exchange.query === '' ? '' : `?${exchange.query}`
  const headers = Object.entries(exchange.headers)
    .filter(([name]) => name !== 'host' && name !== 'connection' && name !== 'accept-encoding')
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')
  const body = exchange.body === null ? '' : `\n  body: ${exchange.body}`
  return `${exchange.method} ${exchange.path}${query} → ${exchange.status}\n${headers}${body}`
}
