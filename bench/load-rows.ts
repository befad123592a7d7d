import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type EndpointRow, toEndpointRow } from '../src/domain/rows.ts'
import type { EndpointsFile } from '../src/domain/schemas/endpoints.ts'

export function loadEndpointRows(): EndpointRow[] {
  const file = resolve(import.meta.dirname, '../data/endpoints-1.24.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as EndpointsFile).endpoints.map(toEndpointRow)
}
