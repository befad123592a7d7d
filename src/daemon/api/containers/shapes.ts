import { type ContainerRecord, isRunning, type JsonValue } from '../../model/state.ts'
import { isObject } from '../context.ts'

/** Pieces of a container's JSON that inspect and the list entries share. */

export function portMap(c: ContainerRecord): Record<string, JsonValue> | null {
  if (!isRunning(c)) return null
  const out: Record<string, JsonValue> = {}
  const exposed = c.config.ExposedPorts
  if (isObject(exposed)) for (const p of Object.keys(exposed)) out[p] = null
  const bindings = c.hostConfig.PortBindings
  if (isObject(bindings)) {
    for (const [p, list] of Object.entries(bindings)) {
      const key = p.includes('/') ? p : `${p}/tcp`
      out[key] = Array.isArray(list)
        ? list.map((b) => ({
            HostIp:
              isObject(b) && typeof b.HostIp === 'string' && b.HostIp !== '' ? b.HostIp : '0.0.0.0',
            HostPort: isObject(b) && typeof b.HostPort === 'string' ? b.HostPort : '',
          }))
        : null
    }
  }
  return out
}

export function networksJSON(c: ContainerRecord): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  for (const n of c.networks) {
    out[n.name] = {
      IPAMConfig: null,
      Links: null,
      Aliases: null,
      NetworkID: n.networkId,
      EndpointID: n.endpointId,
      Gateway: n.gateway,
      IPAddress: n.ipAddress,
      IPPrefixLen: n.ipPrefixLen,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      MacAddress: n.macAddress,
    }
  }
  return out
}

export function mountsJSON(c: ContainerRecord): JsonValue[] {
  return c.mounts.map((m) => ({
    ...(m.name !== undefined ? { Name: m.name } : {}),
    Source: m.source,
    Destination: m.destination,
    ...(m.driver !== undefined ? { Driver: m.driver } : {}),
    Mode: m.mode,
    RW: m.rw,
    Propagation: m.propagation,
  }))
}
