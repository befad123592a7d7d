/**
 * Reads the v1.25 swagger (the first API version Docker described in OpenAPI) into the same
 * shape as the markdown references: operationId, method, path, parameters, response codes.
 * Body schemas are flattened two levels deep ("HostConfig.Memory"), the depth the markdown
 * references list for the bodies that exist in both.
 */
import { parse } from 'yaml'
import type { ApiParam, ParamType } from '../../src/domain/schemas/api-versions.ts'
import { filterNames } from './parse-markdown.ts'

export interface SwaggerEndpoint {
  id: string
  method: string
  path: string
  tag: string
  summary: string
  params: ApiParam[]
  statuses: number[]
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const METHODS = ['get', 'post', 'put', 'delete', 'head'] as const
/** How deep body fields are listed: "HostConfig.Memory" is depth 2. */
export const SWAGGER_BODY_DEPTH = 2

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : ''
}

function typeOf(schema: JsonObject): ParamType {
  const t = str(schema.type)
  if (t === 'boolean' || t === 'integer' || t === 'string' || t === 'array' || t === 'object')
    return t
  if (t === 'number') return 'integer'
  if (isObject(schema.properties) || Array.isArray(schema.allOf)) return 'object'
  return 'unspecified'
}

/**
 * The file continues a few double-quoted descriptions on a next line indented no deeper than
 * their key, which go-yaml accepted and the YAML spec (and the yaml package) do not: such a
 * string is joined back onto one line before parsing.
 */
function foldOpenQuotes(text: string): string {
  const out: string[] = []
  let open: string | null = null
  const unescapedQuotes = (s: string) => (s.replace(/\\./g, '').match(/"/g) ?? []).length
  for (const line of text.split('\n')) {
    if (open !== null) {
      open += ` ${line.trim()}`
      if (unescapedQuotes(line) % 2 === 1) {
        out.push(open)
        open = null
      }
      continue
    }
    const value = /^\s*(?:- )?[\w$-]+:\s+(".*)$/.exec(line)?.[1]
    if (value !== undefined && unescapedQuotes(value) % 2 === 1) open = line
    else out.push(line)
  }
  if (open !== null) out.push(open)
  return out.join('\n')
}

export function parseSwagger(text: string): SwaggerEndpoint[] {
  const doc = parse(foldOpenQuotes(text)) as Json
  if (!isObject(doc) || !isObject(doc.paths)) throw new Error('not a swagger document')
  const definitions = isObject(doc.definitions) ? doc.definitions : {}

  const resolve = (schema: Json | undefined, seen: ReadonlySet<string>): JsonObject => {
    if (!isObject(schema)) return {}
    const ref = str(schema.$ref)
    if (ref.startsWith('#/definitions/')) {
      const name = ref.slice('#/definitions/'.length)
      if (seen.has(name)) return {}
      return resolve(definitions[name], new Set([...seen, name]))
    }
    if (Array.isArray(schema.allOf)) {
      // allOf parts merge their properties (Config + HostConfig for ContainerCreate).
      const properties: JsonObject = {}
      for (const part of schema.allOf) Object.assign(properties, resolve(part, seen).properties)
      return { ...schema, type: 'object', properties }
    }
    if (str(schema.type) === 'array' && schema.items !== undefined) {
      return { ...schema, items: resolve(schema.items, seen) }
    }
    return schema
  }

  // Fields of an array's items are not listed, as the markdown references do not list them.
  const flatten = (schema: JsonObject, prefix: string, depth: number, out: ApiParam[]) => {
    if (!isObject(schema.properties)) return
    for (const [name, raw] of Object.entries(schema.properties)) {
      const property = resolve(raw, new Set())
      const param: ApiParam = { name: `${prefix}${name}`, in: 'body', type: typeOf(property) }
      if (property.default !== undefined && property.default !== null)
        param.default = JSON.stringify(property.default).replace(/^"|"$/g, '')
      out.push(param)
      if (depth < SWAGGER_BODY_DEPTH) flatten(property, `${prefix}${name}.`, depth + 1, out)
    }
  }

  const endpoints: SwaggerEndpoint[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const op = item[method]
      if (!isObject(op)) continue
      const params: ApiParam[] = []
      for (const raw of Array.isArray(op.parameters) ? op.parameters : []) {
        const p = resolve(raw, new Set())
        const where = str(p.in)
        if (where === 'query' || where === 'header') {
          const param: ApiParam = { name: str(p.name), in: where, type: typeOf(p) }
          if (p.default !== undefined && p.default !== null) param.default = String(p.default)
          const filters = filterNames(str(p.description))
          if (str(p.name) === 'filters' && filters.length > 0) param.filters = filters
          params.push(param)
        } else if (where === 'body') {
          flatten(resolve(p.schema, new Set()), '', 1, params)
        }
      }
      const responses = isObject(op.responses) ? Object.keys(op.responses) : []
      const tags = Array.isArray(op.tags) ? op.tags : []
      endpoints.push({
        id: str(op.operationId),
        method: method.toUpperCase(),
        path,
        tag: str(tags[0]),
        summary: str(op.summary),
        params,
        statuses: responses
          .filter((code) => /^\d{3}$/.test(code))
          .map(Number)
          .sort((a, b) => a - b),
      })
    }
  }
  return endpoints
}
