/**
 * Reads one Docker Remote API reference in markdown (docker_remote_api_v1.N.md, 1.18–1.24) into
 * endpoints: the heading, the `METHOD /path` line under it, and the bulleted lists labelled
 * **Query parameters**, **JSON parameters**, **Request Headers** and **Status codes**. Only
 * facts leave this module: names, types, defaults, codes, headings and section numbers.
 */
import type { ApiParam, ParamType } from '../../src/domain/schemas/api-versions.ts'
import { inferDefault, inferType } from './param-wording.ts'

export interface ParsedEndpoint {
  method: string
  /** As the reference writes it, query string removed: "/containers/(id or name)/json". */
  rawPath: string
  heading: string
  section: string
  anchor: string
  params: ApiParam[]
  statuses: number[]
}

const ENDPOINT_LINE = /^`(GET|POST|PUT|DELETE|HEAD) (\/[^`]*?)`\s*$/
const HEADING = /^(#{1,6})\s+(.*?)\s*$/
/** "2.1 Containers", "3.6 Plugins (experimental)": a numbered section that files endpoints. */
const NUMBERED_SECTION = /^\d+\.\d+\s+\S/
/** "**Query parameters**:", or "Query Parameters:" as the references first shipped with 1.6 wrote it. */
const LIST_LABEL = /^(?:\*\*([^*]+)\*\*\s*:?|([A-Za-z ]+ (?:parameters|codes|headers)):)\s*$/i
const BULLET = /^(\s*)[-*+]\s+(.*)$/
const BOLD_NAME = /^\*\*([^*]+?)\*\*\s*:?\s*(?:[–—:-]\s*)?(.*)$/
const STATUS = /^\*\*(\d{3})\*\*/

type ListKind = 'query' | 'body' | 'header' | 'status' | null

function listKind(label: string): ListKind {
  const l = label.trim().toLowerCase()
  if (l === 'query parameters') return 'query'
  if (l === 'json parameters') return 'body'
  if (l === 'request headers') return 'header'
  if (l === 'status codes') return 'status'
  return null
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}

/** HTML comments hide draft sections (1.24's plugin push): blank them, keeping line numbers. */
function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
}

interface OpenParam {
  indent: number
  name: string
  lines: string[]
  isFilter: boolean
  filterKeys: string[]
}

export function parseMarkdownReference(text: string): ParsedEndpoint[] {
  const lines = withoutComments(text).split('\n')
  const endpoints: ParsedEndpoint[] = []
  let section = ''
  let heading = ''
  let current: ParsedEndpoint | null = null
  let kind: ListKind = null
  let inFence = false
  // The chain of bold bullets above the current line (for nested body fields).
  const stack: OpenParam[] = []

  const closeParams = (downTo: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= downTo) {
      const open = stack.pop()
      if (open && current && (kind === 'query' || kind === 'body' || kind === 'header'))
        current.params.push(toParam(open, stack, kind))
    }
  }
  const endList = () => {
    closeParams(0)
    kind = null
  }

  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    if (inFence) continue
    const h = HEADING.exec(line)
    if (h?.[2] !== undefined) {
      endList()
      const title = h[2]
      if (NUMBERED_SECTION.test(title)) section = title
      else if (/^\d+\.\s/.test(title) || /^#\s/.test(line)) section = ''
      heading = title
      current = null
      continue
    }
    const e = ENDPOINT_LINE.exec(line)
    if (e?.[1] && e[2] && section !== '') {
      endList()
      current = {
        method: e[1],
        rawPath: e[2].split('?')[0] ?? e[2],
        heading,
        section,
        anchor: headingAnchor(heading),
        params: [],
        statuses: [],
      }
      endpoints.push(current)
      continue
    }
    if (!current) continue
    const label = LIST_LABEL.exec(line.trim())
    const labelText = label?.[1] ?? label?.[2]
    if (labelText !== undefined) {
      endList()
      kind = listKind(labelText)
      continue
    }
    if (kind === null) continue
    const b = BULLET.exec(line)
    if (b?.[2] !== undefined) {
      const indent = (b[1] ?? '').replace(/\t/g, '    ').length
      const body = b[2].trim()
      if (kind === 'status') {
        const code = STATUS.exec(body)
        if (code?.[1]) current.statuses.push(Number(code[1]))
        continue
      }
      const named = BOLD_NAME.exec(body)
      if (named?.[1] !== undefined) {
        closeParams(indent)
        stack.push({
          indent,
          name: named[1].trim(),
          lines: [named[2] ?? ''],
          isFilter: named[1].trim() === 'filters',
          filterKeys: filterNames(named[2] ?? ''),
        })
        continue
      }
      // An unnamed sub-bullet: a filter's entry, an example form; it belongs to the open param.
      const open = stack[stack.length - 1]
      if (open?.isFilter) open.filterKeys.push(...filterNames(body, true))
      else open?.lines.push(body)
      continue
    }
    if (line.trim() === '') continue
    // A continuation line of the open bullet; a line at the margin ends the list.
    if (/^\S/.test(line)) {
      endList()
      continue
    }
    const open = stack[stack.length - 1]
    if (open) {
      open.lines.push(line.trim())
      if (open.isFilter) open.filterKeys.push(...filterNames(line))
    }
  }
  endList()
  for (const endpoint of endpoints) endpoint.statuses.sort((a, b) => a - b)
  return endpoints
}

function toParam(
  open: OpenParam,
  parents: readonly OpenParam[],
  kind: 'query' | 'body' | 'header',
) {
  const text = open.lines.join(' ')
  const name = [...parents.map((p) => p.name), open.name].join('.')
  const param: ApiParam = { name, in: kind, type: inferType(text, kind) satisfies ParamType }
  const fallback = inferDefault(text)
  if (fallback !== undefined) param.default = fallback
  if (open.isFilter && open.filterKeys.length > 0) param.filters = [...new Set(open.filterKeys)]
  return param
}

/**
 * Filter names in a `filters` bullet: `status=…`, `label=key`, `dangling=true`. A sub-bullet
 * (`leading`) names its filter first, even written `` `before`=(<id>) ``.
 */
export function filterNames(text: string, leading = false): string[] {
  const names: string[] = []
  for (const m of text.matchAll(/`([a-z][a-z0-9_-]*)=?[^`]*`\s*(=?)/gi)) {
    const token = m[0]
    if (m[1] && (token.includes('=') || leading)) names.push(m[1])
    if (leading) break
  }
  return [...new Set(names)]
}
