import type { JsonObject } from '../../model/state.ts'
import { jsonKind, setOwn, typeError } from '../../wire/json.ts'
import { isObject } from '../context.ts'
import { field, normalise, pick } from './decode-value.ts'
import {
  CONFIG_FIELDS,
  CONFIG_KINDS,
  HOST_CONFIG_FIELDS,
  HOST_CONFIG_KINDS,
  type Kind,
} from './fields.ts'
import { num, str } from './read.ts'

/**
 * The create (and start) body as a whole: `runconfig.ContainerConfigWrapper`, where the
 * Config's fields, a deprecated HostConfig embedded at the top level, an inner `HostConfig` and
 * `NetworkingConfig` share one JSON object. Split from the per-value decoder because this is
 * where the pieces are told apart and merged (which pointer Go allocated, which HostConfig
 * wins); defaults and the post-decode checks come later, in their own files.
 * @see moby runconfig/config.go, runconfig/config_unix.go at v1.12.6
 */

/** Every key the create wrapper decodes at its top level, with its kind. */
const WRAPPER_KINDS: Record<string, Kind> = {
  ...HOST_CONFIG_KINDS,
  ...CONFIG_KINDS,
  Cpuset: 'string',
}

export interface CreateBody {
  /** null when no container.Config field was present (the embedded pointer stayed nil). */
  config: JsonObject | null
  hostConfig: JsonObject | null
  networkingConfig: JsonObject | null
}

export function parseCreateBody(body: unknown): CreateBody {
  if (body === null) return { config: null, hostConfig: null, networkingConfig: null }
  if (!isObject(body)) throw typeError(jsonKind(body), 'runconfig.ContainerConfigWrapper')
  // One pass in document order first, so the first type error of the body is the one reported.
  for (const key of Object.keys(body)) {
    const lower = key.toLowerCase()
    const value = body[key]
    if (lower === 'hostconfig') {
      if (isObject(value)) pick(value, HOST_CONFIG_KINDS)
      else if (value !== null) throw typeError(jsonKind(value), 'container.HostConfig')
    } else if (lower === 'networkingconfig') {
      if (isObject(value)) networkingConfig(value)
      else if (value !== null) throw typeError(jsonKind(value), 'network.NetworkingConfig')
    } else {
      pick({ [key]: value }, WRAPPER_KINDS)
    }
  }
  const present = CONFIG_FIELDS.some((name) => field(body, name) !== undefined)
  const config = present ? pick(body, CONFIG_KINDS) : null
  const nc = field(body, 'NetworkingConfig')?.value
  if (nc !== undefined && nc !== null && !isObject(nc)) {
    throw typeError(jsonKind(nc), 'network.NetworkingConfig')
  }
  return {
    config,
    hostConfig: wrapperHostConfig(body),
    networkingConfig: isObject(nc) ? networkingConfig(nc) : null,
  }
}

/** network.NetworkingConfig: only EndpointsConfig, a map of endpoint names (the settings are not modelled). */
function networkingConfig(nc: Record<string, unknown>): JsonObject {
  const endpoints = field(nc, 'EndpointsConfig')?.value ?? null
  if (endpoints === null) return { EndpointsConfig: null }
  if (!isObject(endpoints))
    throw typeError(jsonKind(endpoints), 'map[string]*network.EndpointSettings')
  const out: JsonObject = {}
  for (const [name, v] of Object.entries(endpoints)) {
    if (v !== null && !isObject(v)) throw typeError(jsonKind(v), 'network.EndpointSettings')
    setOwn(out, name, {})
  }
  return { EndpointsConfig: out }
}

/**
 * `ContainerConfigWrapper.getHostConfig`: HostConfig fields at the top of the body (the
 * embedded, deprecated *HostConfig) and the inner `HostConfig`. Without an inner one the
 * top-level fields are the HostConfig; with one, only Memory, MemorySwap, CpuShares,
 * CpusetCpus and VolumeDriver are taken from the top, where the inner value is zero. The
 * deprecated top-level `Cpuset` fills an empty CpusetCpus. Used by create and by start with a
 * body (DecodeHostConfig decodes the same wrapper).
 * @see moby runconfig/config_unix.go, runconfig/hostconfig.go DecodeHostConfig at v1.12.6
 */
export function wrapperHostConfig(body: Record<string, unknown>): JsonObject | null {
  const topPresent = HOST_CONFIG_FIELDS.some((name) => field(body, name) !== undefined)
  const top = topPresent ? pick(body, HOST_CONFIG_KINDS) : null
  const innerValue = field(body, 'HostConfig')?.value ?? null
  if (innerValue !== null && !isObject(innerValue))
    throw typeError(jsonKind(innerValue), 'container.HostConfig')
  const inner = innerValue === null ? null : pick(innerValue, HOST_CONFIG_KINDS)
  const cpuset = normalise(field(body, 'Cpuset')?.value ?? null, 'string')
  let hc = top
  if (inner !== null) {
    if (top !== null) {
      for (const k of ['Memory', 'MemorySwap', 'CpuShares'] as const)
        if (num(top, k) !== 0 && num(inner, k) === 0) inner[k] = num(top, k)
      for (const k of ['CpusetCpus', 'VolumeDriver'] as const)
        if (str(top, k) !== '' && str(inner, k) === '') inner[k] = str(top, k)
    }
    hc = inner
  }
  if (hc !== null && typeof cpuset === 'string' && cpuset !== '' && str(hc, 'CpusetCpus') === '')
    hc.CpusetCpus = cpuset
  return hc
}
