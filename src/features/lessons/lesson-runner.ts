import type { LessonStep } from '../../domain/schemas/lessons.ts'
import type { DaemonSession } from '../../lib/daemon-client/daemon-session.ts'
import { type Exchange, sendRequest } from '../../lib/daemon-client/send-request.ts'
import { toPlaygroundRequest } from '../../lib/daemon-client/to-playground-request.ts'
import type { SentResponse, WireRequest } from '../../scenarios/index.ts'
import { missingVars, runRequest, substitute } from '../../scenarios/index.ts'

/**
 * Lessons run through the scenario runner (runRequest): the same placeholder and capture
 * language as the status scenarios, over the session's transport (MSW's service worker or the
 * in-page handlers), so a learner sees the real exchange and the runner checks and captures it.
 */

type Answer = SentResponse & { exchange: Exchange }

const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder()

/** The step's request with the values captured so far filled in. */
export function resolvedRequest(step: LessonStep, vars: Readonly<Record<string, string>>) {
  const map = new Map(Object.entries(vars))
  return toPlaygroundRequest({
    method: step.request.method,
    path: substitute(step.request.path, map),
    body: step.request.body === undefined ? '' : substitute(step.request.body, map),
    contentType: step.request.contentType ?? '',
  })
}

/** Names of the captures this step needs that have not been made yet. */
export function missingFor(step: LessonStep, vars: Readonly<Record<string, string>>): string[] {
  return missingVars(step.request, new Map(Object.entries(vars)))
}

export async function runLessonStep(
  step: LessonStep,
  vars: Readonly<Record<string, string>>,
  session: DaemonSession,
): Promise<{ exchange: Exchange; problems: string[]; vars: Record<string, string> }> {
  const map = new Map(Object.entries(vars))
  const send = async (wire: WireRequest): Promise<Answer> => {
    const request = toPlaygroundRequest({
      method: wire.method,
      path: wire.query === '' ? wire.path : `${wire.path}?${wire.query}`,
      body: wire.body === null ? '' : utf8.decode(wire.body),
      contentType: wire.headers['content-type'] ?? '',
    })
    const exchange = await sendRequest(session.baseUrl, request, {
      id: 0,
      signal: new AbortController().signal,
      fetch: session.transport.fetch,
    })
    const contentType = exchange.headers.find(([name]) => name === 'content-type')?.[1] ?? ''
    return {
      exchange,
      status: exchange.status,
      headers: Object.fromEntries(exchange.headers),
      // Decoded as sendToDaemon decodes the model's answers: JSON as UTF-8, the rest byte for byte.
      text: (contentType.includes('json') ? utf8 : latin1).decode(exchange.body),
    }
  }
  try {
    const { response, problems } = await runRequest(step, map, send)
    return { exchange: response.exchange, problems, vars: Object.fromEntries(map) }
  } finally {
    session.persist()
  }
}
