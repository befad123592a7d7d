import { compareVersions } from '../version.ts'
import { isObject } from './context.ts'

/**
 * What an older daemon does not know yet. Go's encoding/json drops JSON keys its struct lacks,
 * and handlers read only the query parameters they know, so a Docker 1.9.1 daemon ignores a
 * create body's `PidsLimit` (API 1.23) as silently as it ignores a typo — even when the value
 * has a type the newer field would refuse.
 *
 * The versions are those of data/api-versions/: the first reference that lists the field, or
 * the earlier version whose changelog bullet announces it. src/daemon/version-data.test.ts
 * derives them from the data again and fails when this table and the data disagree.
 */
export const CREATE_FIELD_SINCE: Readonly<Record<string, string>> = {
  'HostConfig.Tmpfs': '1.22',
  'HostConfig.ShmSize': '1.22',
  'HostConfig.BlkioWeightDevice': '1.22',
  'HostConfig.BlkioDeviceReadBps': '1.22',
  'HostConfig.BlkioDeviceWriteBps': '1.22',
  'HostConfig.BlkioDeviceReadIOps': '1.22',
  'HostConfig.BlkioDeviceWriteIOps': '1.22',
  'HostConfig.PidsLimit': '1.23',
  'HostConfig.UsernsMode': '1.23',
  Healthcheck: '1.24',
  'HostConfig.CpuPercent': '1.24',
  'HostConfig.IOMaximumBandwidth': '1.24',
  'HostConfig.IOMaximumIOps': '1.24',
  'HostConfig.Sysctls': '1.24',
  'HostConfig.StorageOpt': '1.24',
}

/** Query parameters handlers read only from this API version on, keyed "EndpointId name". */
export const QUERY_SINCE: Readonly<Record<string, string>> = {
  'ImageSearch limit': '1.24',
  'ImageSearch filters': '1.24',
}

function later(since: string | undefined, api: string): boolean {
  return since !== undefined && compareVersions(since, api) > 0
}

/** Keys of `obj` a daemon of API `api` has no field for, matched as encoding/json does. */
function dropKeys(obj: Record<string, unknown>, prefix: string, api: string) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(obj)) {
    const known = Object.keys(CREATE_FIELD_SINCE).find(
      (name) => name.toLowerCase() === `${prefix}${key}`.toLowerCase(),
    )
    if (!later(known && CREATE_FIELD_SINCE[known], api)) out[key] = value
  }
  return out
}

/**
 * A create body as a daemon of API `api` decodes it: fields of later versions dropped, in the
 * inner HostConfig and at the top (where the deprecated embedded HostConfig also lands).
 */
export function withoutLaterCreateFields(body: unknown, api: string): unknown {
  if (!isObject(body)) return body
  const top = dropKeys(dropKeys(body, '', api), 'HostConfig.', api)
  for (const key of Object.keys(top)) {
    const inner = top[key]
    if (key.toLowerCase() === 'hostconfig' && isObject(inner))
      top[key] = dropKeys(inner, 'HostConfig.', api)
  }
  return top
}

/** The query parameter as a daemon of API `api` reads it: null when it came later. */
export function queryParam(
  query: URLSearchParams,
  endpoint: string,
  name: string,
  api: string,
): string | null {
  return later(QUERY_SINCE[`${endpoint} ${name}`], api) ? null : query.get(name)
}
