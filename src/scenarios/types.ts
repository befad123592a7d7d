import type { DockerVersion } from '../daemon/index.ts'

/**
 * Status-code scenarios as data: a few setup requests, one request, the expected answer.
 * Run against the model (scenarios.test.ts) and, by another suite, through real HTTP.
 *
 * Placeholders: `{{name}}` in paths, query strings, bodies and expected bodies is replaced by
 * a value captured in an earlier step (`capture: { name: 'Id' }` takes the JSON field `Id` of
 * that step's response; a string response is captured whole).
 */
export interface ScenarioRequest {
  method: string
  /** Path, optionally with `?query`. */
  path: string
  headers?: Record<string, string>
  /** An object is sent as JSON with `Content-Type: application/json` unless headers say otherwise; a string is sent as is. */
  body?: unknown
  /** Content-Type to send; `null` sends none. Default: application/json when there is a body. */
  contentType?: string | null
}

export interface ScenarioStep extends ScenarioRequest {
  /** Expected status of the setup step (checked, so a broken setup fails loudly). */
  status?: number
  /**
   * variable name → JSON field of the response: `Id`; `*.ID` collects a field of every element
   * of a JSON array (comma-separated); `0.ID` one element's field; `.` takes a JSON string body; '' the raw text.
   */
  capture?: Record<string, string>
}

export type ExpectedBody = string | { json: unknown } | { contains: string }

export interface Scenario {
  name: string
  /**
   * Docker operationId, as in data/endpoints-1.24.json; `Router` for behaviour of the router
   * itself (unknown paths, OPTIONS, bad version prefixes) that belongs to no endpoint.
   */
  endpointId: string
  /** Defaults to 1.12.6. */
  dockerVersion?: DockerVersion
  setup: ScenarioStep[]
  request: ScenarioRequest
  expect: {
    status: number
    /** Exact text, a JSON subset, or a substring. */
    body?: ExpectedBody
    /** Header values that must match exactly; `null` = the header must be absent. */
    headers?: Record<string, string | null>
  }
  /** Where the behaviour comes from (moby file at v1.12.6, integration test). */
  source?: string
}

/** A documented status a 1.12.6 daemon never sends, with the reason. */
export interface UnreachableStatus {
  endpointId: string
  status: number
  reason: string
}

/** What a transport returns for one request (the model adapter or an HTTP client). */
export interface SentResponse {
  status: number
  headers: Record<string, string>
  /** The body as text (binary bodies decoded as latin1 by the transport is fine). */
  text: string
}

/** A request as a transport sends it: placeholders filled, query split off, body encoded. */
export interface WireRequest {
  method: string
  path: string
  query: string
  headers: Record<string, string>
  body: Uint8Array | null
}

export type Send = (request: WireRequest) => Promise<SentResponse>
