import { captureInto, checkResponse, type Expectation } from './expect.ts'
import { toWire } from './language.ts'
import type { Scenario, ScenarioRequest, Send, SentResponse, WireRequest } from './types.ts'

/**
 * Runs scenarios through any transport: `sendToDaemon(daemon)` for the model, or an HTTP
 * client supplied by the caller.
 */

export interface ScenarioResult {
  ok: boolean
  problems: string[]
  response: SentResponse | null
}

/**
 * One scripted request, the unit both scenarios and lessons are made of: fill its
 * placeholders from `vars`, send it, check it against `expect`, capture into `vars`.
 * Generic in the response so a caller's transport can return more than the runner needs
 * (the lessons keep the whole exchange to show it).
 */
export async function runRequest<R extends SentResponse>(
  step: { request: ScenarioRequest; expect?: Expectation; capture?: Record<string, string> },
  vars: Map<string, string>,
  send: (request: WireRequest) => Promise<R>,
): Promise<{ response: R; problems: string[] }> {
  const response = await send(toWire(step.request, vars))
  const problems = checkResponse(step.expect ?? {}, response, vars)
  problems.push(...captureInto(step.capture ?? {}, response.text, vars))
  return { response, problems }
}

export async function runScenario(s: Scenario, send: Send): Promise<ScenarioResult> {
  const vars = new Map<string, string>()
  for (const [i, step] of s.setup.entries()) {
    const { capture, status, ...request } = step
    const { response, problems } = await runRequest(
      { request, expect: { status }, capture },
      vars,
      send,
    )
    if (problems.length > 0)
      return {
        ok: false,
        problems: problems.map((p) => `setup step ${i + 1} (${step.method} ${step.path}): ${p}`),
        response,
      }
  }
  const { response, problems } = await runRequest(
    { request: s.request, expect: s.expect },
    vars,
    send,
  )
  return { ok: problems.length === 0, problems, response }
}
