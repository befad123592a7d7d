import type { JsonObject, JsonValue } from '../../model/state.ts'
import { goStringMap, jsonKind, setOwn, typeError } from '../../wire/json.ts'
import { isObject } from '../context.ts'
import type { Kind } from './fields.ts'

/**
 * One JSON value decoded as Go's encoding/json decodes it into a field of a known kind: keys
 * matched case-insensitively, an UnmarshalTypeError when a value has the wrong JSON type, and
 * the value returned in its Go shape. It knows nothing of the create wrapper, so exec, commit
 * and update use it for their own bodies too.
 * @see moby runconfig/config.go DecodeContainerConfig, engine-api types/container/*.go at v1.12.6
 */

const GO_TYPE: Record<Kind, string> = {
  string: 'string',
  bool: 'bool',
  int: 'int',
  int64: 'int64',
  uint16: 'uint16',
  uint64: 'uint64',
  strslice: 'string',
  strings: 'string',
  strmap: 'string',
  object: 'struct',
  portset: 'map[nat.Port]struct {}',
  volumeset: 'map[string]struct {}',
  portmap: 'nat.PortMap',
  restart: 'container.RestartPolicy',
  logconfig: 'container.LogConfig',
}

/** The integer kinds and their ranges (Go's `reflect.Value.OverflowInt/Uint`). */
const INT_RANGE: Partial<Record<Kind, readonly [number, number]>> = {
  int: [-(2 ** 63), 2 ** 63 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint16: [0, 65535],
  uint64: [0, 2 ** 64 - 1],
}

/** Finds `name` the way encoding/json does: exact key first, then case-insensitively. */
export function field(
  obj: Record<string, unknown>,
  name: string,
): { key: string; value: unknown } | undefined {
  if (Object.hasOwn(obj, name)) return { key: name, value: obj[name] }
  const lower = name.toLowerCase()
  for (const key of Object.keys(obj))
    if (key.toLowerCase() === lower) return { key, value: obj[key] }
  return undefined
}

export function checkKind(value: unknown, kind: Kind): void {
  normalise(value, kind)
}

/** A JSON object's values as Go decodes them into `struct{}`: anything but an object or null fails. */
function structSet(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && !isObject(v)) throw typeError(jsonKind(v), 'struct {}')
    setOwn(out, k, {}) // unknown keys of struct{} are dropped, however deep they go
  }
  return out
}

function portBinding(value: unknown): JsonObject {
  if (value === null) return { HostIp: '', HostPort: '' }
  if (!isObject(value)) throw typeError(jsonKind(value), 'nat.PortBinding')
  const ip = field(value, 'HostIp')?.value ?? null
  const port = field(value, 'HostPort')?.value ?? null
  checkKind(ip, 'string')
  checkKind(port, 'string')
  return {
    HostIp: typeof ip === 'string' ? ip : '',
    HostPort: typeof port === 'string' ? port : '',
  }
}

/**
 * Type-checks `value` as Go decodes it into `kind` (UnmarshalTypeError texts) and returns it in
 * the Go shape: fields Go does not know are dropped, so nothing deeper than the struct itself is
 * kept (a value nested 100,000 deep inside a volume's `{}` is gone, as in Go).
 */
export function normalise(value: unknown, kind: Kind): JsonValue {
  if (value === null) return null // null leaves the Go zero value
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw typeError(jsonKind(value), 'string')
      return value
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(jsonKind(value), 'bool')
      return value
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint64': {
      if (typeof value !== 'number') throw typeError(jsonKind(value), GO_TYPE[kind])
      const [min, max] = INT_RANGE[kind] ?? [0, 0]
      if (!Number.isInteger(value) || value < min || value > max)
        throw typeError(`number ${value}`, GO_TYPE[kind])
      return value
    }
    case 'strslice':
      // strslice.StrSlice.UnmarshalJSON: a []string, else a string; the second error is returned.
      if (typeof value === 'string') return [value]
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw typeError(jsonKind(value), 'string')
      return value as string[]
    case 'strings':
      if (!Array.isArray(value)) throw typeError(jsonKind(value), '[]string')
      for (const v of value)
        if (v !== null && typeof v !== 'string') throw typeError(jsonKind(v), 'string')
      return value.map((v) => (typeof v === 'string' ? v : ''))
    case 'strmap':
      if (!isObject(value)) throw typeError(jsonKind(value), 'map[string]string')
      return goStringMap(value)
    case 'object':
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.object)
      return value as JsonObject
    case 'portset':
    case 'volumeset':
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE[kind])
      return structSet(value)
    case 'portmap': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.portmap)
      const out: JsonObject = {}
      for (const [port, list] of Object.entries(value)) {
        if (list !== null && !Array.isArray(list))
          throw typeError(jsonKind(list), '[]nat.PortBinding')
        out[port] = list === null ? null : list.map(portBinding)
      }
      return out
    }
    case 'restart': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.restart)
      const name = normalise(field(value, 'Name')?.value ?? null, 'string')
      const max = normalise(field(value, 'MaximumRetryCount')?.value ?? null, 'int')
      return { Name: name ?? '', MaximumRetryCount: max ?? 0 }
    }
    case 'logconfig': {
      if (!isObject(value)) throw typeError(jsonKind(value), GO_TYPE.logconfig)
      const type = normalise(field(value, 'Type')?.value ?? null, 'string')
      const config = normalise(field(value, 'Config')?.value ?? null, 'strmap')
      return { Type: type ?? '', Config: config }
    }
  }
}

/** The field a JSON key fills, as encoding/json matches it: the exact name, else case-insensitively. */
function fieldFor(key: string, kinds: Record<string, Kind>): string | undefined {
  if (Object.hasOwn(kinds, key)) return key
  const lower = key.toLowerCase()
  return Object.keys(kinds).find((name) => name.toLowerCase() === lower)
}

/**
 * Copies the known fields (canonical names) with type checks, in document order: the first
 * type error in the body is the one reported (Go keeps the first), and a later key for the same
 * field wins. Unknown keys are ignored, as Go does.
 */
export function pick(obj: Record<string, unknown>, kinds: Record<string, Kind>): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(obj)) {
    const name = fieldFor(key, kinds)
    if (name !== undefined) out[name] = normalise(obj[key], kinds[name] ?? 'object')
  }
  return out
}
