import { concat, type Daemon } from '../daemon/index.ts'
import type {
  ExpectedBody,
  Scenario,
  ScenarioRequest,
  Send,
  SentResponse,
  WireRequest,
} from './types.ts'

/**
 * Runs scenarios through any transport: `sendToDaemon(daemon)` for the model, or an HTTP
 * client supplied by the caller.
 */

const encoder = new TextEncoder()

/**
 * `{{name}}` → a captured value; `{{sharedPrefix:a,b,…}}` → the shortest prefix that at least
 * two of the captured values share (captures of lists are comma-separated), which makes any
 * id lookup by that prefix ambiguous.
 */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\{\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_,]+))?\}\}/g,
    (m, name: string, args?: string) => {
      if (name === 'sharedPrefix' && args !== undefined) {
        const values = args
          .split(',')
          .flatMap((a) => (vars.get(a) ?? '').split(','))
          .filter((v) => v !== '')
        for (let len = 1; len <= 64; len++) {
          const seen = new Set<string>()
          for (const v of values) {
            const p = v.slice(0, len)
            if (seen.has(p)) return p
            seen.add(p)
          }
        }
        return m
      }
      return vars.get(name) ?? m
    },
  )
}

function substituteDeep(value: unknown, vars: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return substitute(value, vars)
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, vars))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[substitute(k, vars)] = substituteDeep(v, vars)
    return out
  }
  return value
}

export function toWire(req: ScenarioRequest, vars: ReadonlyMap<string, string>) {
  const full = substitute(req.path, vars)
  const q = full.indexOf('?')
  const path = q < 0 ? full : full.slice(0, q)
  const query = q < 0 ? '' : full.slice(q + 1)
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers ?? {}))
    headers[k.toLowerCase()] = substitute(v, vars)
  let body: Uint8Array | null = null
  if (req.body !== undefined) {
    const text =
      typeof req.body === 'string'
        ? substitute(req.body, vars)
        : JSON.stringify(substituteDeep(req.body, vars))
    body = encoder.encode(text)
  }
  const contentType =
    req.contentType === undefined ? (body !== null ? 'application/json' : null) : req.contentType
  if (contentType !== null && headers['content-type'] === undefined)
    headers['content-type'] = contentType
  return { method: req.method, path, query, headers, body }
}

/** Is `actual` a superset of `expected` (objects by key, arrays by index, scalars equal)? */
export function jsonSubset(expected: unknown, actual: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(expected, actual)
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((v, i) => jsonSubset(v, actual[i]))
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false
  return Object.entries(expected).every(
    ([k, v]) => Object.hasOwn(actual, k) && jsonSubset(v, (actual as Record<string, unknown>)[k]),
  )
}

function checkBody(
  expected: ExpectedBody,
  text: string,
  vars: ReadonlyMap<string, string>,
): string | null {
  if (typeof expected === 'string') {
    const want = substitute(expected, vars)
    return text === want ? null : `body ${JSON.stringify(text)} ≠ ${JSON.stringify(want)}`
  }
  if ('contains' in expected) {
    const want = substitute(expected.contains, vars)
    return text.includes(want)
      ? null
      : `body ${JSON.stringify(text.slice(0, 300))} does not contain ${JSON.stringify(want)}`
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return `body is not JSON: ${JSON.stringify(text.slice(0, 200))}`
  }
  const want = substituteDeep(expected.json, vars)
  return jsonSubset(want, parsed)
    ? null
    : `body ${text.slice(0, 400)} does not contain ${JSON.stringify(want)}`
}

export interface ScenarioResult {
  ok: boolean
  problems: string[]
  response: SentResponse | null
}

/** What one scripted request expects: a status, and optionally a body and headers. */
export interface Expectation {
  status?: number
  body?: ExpectedBody
  headers?: Record<string, string | null>
}

/**
 * Takes the values `capture` names out of a response into `vars` (the syntax of
 * `ScenarioStep.capture`). Returns what could not be captured.
 */
export function captureInto(
  capture: Readonly<Record<string, string>>,
  text: string,
  vars: Map<string, string>,
): string[] {
  const problems: string[] = []
  for (const [name, field] of Object.entries(capture)) {
    if (field === '') {
      vars.set(name, text)
      continue
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      problems.push(`response is not JSON, cannot capture ${field}`)
      continue
    }
    const indexed = /^(\d+)\.(.+)$/.exec(field)
    if (indexed?.[1] !== undefined && indexed[2] !== undefined) {
      const item = Array.isArray(parsed)
        ? (parsed[Number(indexed[1])] as Record<string, unknown> | undefined)
        : undefined
      const v = item?.[indexed[2]]
      if (typeof v === 'string') vars.set(name, v)
      else problems.push(`no string field ${field} to capture`)
      continue
    }
    if (field.startsWith('*.')) {
      const key = field.slice(2)
      const list = Array.isArray(parsed)
        ? parsed.map((x) => (x as Record<string, unknown>)[key])
        : []
      vars.set(name, list.filter((x): x is string => typeof x === 'string').join(','))
      continue
    }
    const v =
      typeof parsed === 'string' && field === '.'
        ? parsed
        : parsed !== null && typeof parsed === 'object'
          ? (parsed as Record<string, unknown>)[field]
          : undefined
    if (typeof v === 'string') vars.set(name, v)
    else problems.push(`no string field ${field} to capture`)
  }
  return problems
}

/** The `{{name}}` placeholders of a request that `vars` cannot fill yet. */
export function missingVars(req: ScenarioRequest, vars: ReadonlyMap<string, string>): string[] {
  const text = `${req.path} ${typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? '')}`
  const missing = new Set<string>()
  for (const m of text.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g))
    if (m[1] !== undefined && !vars.has(m[1])) missing.add(m[1])
  return [...missing]
}

/** Compares a response with an expectation; returns the differences. */
export function checkResponse(
  expect: Expectation,
  res: SentResponse,
  vars: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = []
  if (expect.status !== undefined && res.status !== expect.status)
    problems.push(
      `status ${res.status} ≠ ${expect.status} (body ${JSON.stringify(res.text.slice(0, 300))})`,
    )
  if (expect.body !== undefined) {
    const p = checkBody(expect.body, res.text, vars)
    if (p !== null) problems.push(p)
  }
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const actual = res.headers[name.toLowerCase()]
    if (value === null) {
      if (actual !== undefined)
        problems.push(`header ${name} should be absent, is ${JSON.stringify(actual)}`)
    } else if (actual !== substitute(value, vars)) {
      problems.push(`header ${name}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(value)}`)
    }
  }
  return problems
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

/**
 * Reads a streamed body to its end, or until it has been quiet for `idleMs` (live streams such
 * as events never end on their own), then cancels it.
 */
export async function collect(body: AsyncIterable<Uint8Array>, idleMs = 50): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const it = body[Symbol.asyncIterator]()
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined
    const idle = new Promise<'idle'>((resolve) => {
      timer = setTimeout(() => resolve('idle'), idleMs)
    })
    const next = await Promise.race([it.next(), idle])
    clearTimeout(timer)
    if (next === 'idle') {
      await it.return?.()
      break
    }
    if (next.done === true) break
    chunks.push(next.value)
  }
  return concat(chunks)
}

/** Latin-1 keeps every byte visible (multiplexed frames have binary headers). */
export function bytesToText(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return s
}

/** The model as a transport. UTF-8 text bodies are decoded as UTF-8, others as latin1. */
export function sendToDaemon(daemon: Daemon): Send {
  return async (req) => {
    const res = await daemon.handle({
      method: req.method,
      path: req.path,
      query: new URLSearchParams(req.query),
      headers: req.headers,
      body: req.body,
    })
    let text = ''
    const body = res.body
    if (typeof body === 'string') text = body
    else if (body instanceof Uint8Array) text = bytesToText(body)
    else if (body !== null) {
      const bytes = await collect(body)
      text = (res.headers['content-type'] ?? '').includes('json')
        ? new TextDecoder().decode(bytes)
        : bytesToText(bytes)
    }
    return { status: res.status, headers: res.headers, text }
  }
}
