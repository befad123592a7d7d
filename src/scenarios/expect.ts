import { substitute, substituteDeep } from './language.ts'
import type { ExpectedBody, SentResponse } from './types.ts'

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
