import type { z } from 'zod'

/** What the top-level arrays of our data files hold, for error messages: "endpoint", "release". */
const ENTRY_NOUNS: Record<string, string> = {
  endpoints: 'endpoint',
  releases: 'release',
}

type Issue = z.core.$ZodIssue

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "statuses[0].code" from ['statuses', 0, 'code']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/** The entry an issue points into: `endpoint "ExecResize" (index 47)`, plus the rest of the path. */
function locate(
  json: unknown,
  path: readonly PropertyKey[],
): { entry?: string; rest: PropertyKey[] } {
  const [top, index, ...rest] = path
  if (typeof top !== 'string' || typeof index !== 'number' || !isRecord(json)) {
    return { rest: [...path] }
  }
  const list = json[top]
  const noun = ENTRY_NOUNS[top] ?? top
  const item = Array.isArray(list) ? list[index] : undefined
  const key = isRecord(item) ? (item.id ?? item.version) : undefined
  const label =
    typeof key === 'string' ? `${noun} "${key}" (index ${index})` : `${noun} at index ${index}`
  return { entry: label, rest }
}

/** One line per zod issue: file, entry (id and index) and field path, then zod's message. */
export function formatIssues(fileName: string, json: unknown, issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const { entry, rest } = locate(json, issue.path)
      const field = formatPath(rest)
      const parts = [fileName, entry, field === '' ? undefined : field, issue.message]
      return parts.filter((part): part is string => part !== undefined).join(': ')
    })
    .join('\n')
}

/**
 * Parses one data file with its schema. On failure throws an Error whose message names the file,
 * the entry (its id and index) and the field path of every problem, e.g.
 * `data/endpoints-1.24.json: endpoint "ExecResize" (index 47): statuses[0].code: expected number`.
 */
export function parseDataFile<T extends z.ZodType>(
  fileName: string,
  schema: T,
  json: unknown,
): z.output<T> {
  const result = schema.safeParse(json)
  if (result.success) return result.data
  throw new Error(formatIssues(fileName, json, result.error.issues))
}
