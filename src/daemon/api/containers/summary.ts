import type { Engine } from '../../engine.ts'
import type { ContainerRecord, JsonObject, JsonValue } from '../../model/state.ts'
import { mountsJSON, networksJSON, portMap } from './shapes.ts'
import { stateString, statusText } from './status.ts'

/** `daemon.transformContainer` (one entry of GET /containers/json). */
export function summaryJSON(
  e: Engine,
  c: ContainerRecord,
  names: string[],
  size: boolean,
): JsonObject {
  return {
    Id: c.id,
    Names: names,
    Image: summaryImage(e, c),
    ...summaryMiddle(e, c, size),
    Status: statusText(e, c),
    ...summaryTail(c),
  }
}

/** The Image column: the name the container was created with, or its image id once that name points elsewhere. */
function summaryImage(e: Engine, c: ContainerRecord): string {
  const given = String(c.config.Image ?? '')
  if (given === c.image) return given
  const found = e.registry.findImage(given)
  return found === undefined || found.id !== c.image ? c.image : given
}

/** The fields between Image and Status; they change only when the container does. */
export function summaryMiddle(e: Engine, c: ContainerRecord, size: boolean): JsonObject {
  const args = c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))
  const ports: JsonValue[] = []
  const pm = portMap(c)
  if (pm !== null) {
    for (const [p, list] of Object.entries(pm)) {
      const [num = '0', proto = 'tcp'] = p.split('/')
      if (!Array.isArray(list) || list.length === 0) {
        ports.push({ PrivatePort: Number(num), Type: proto })
      } else {
        for (const b of list) {
          const hb = b as { HostIp: string; HostPort: string }
          ports.push({
            IP: hb.HostIp,
            PrivatePort: Number(num),
            PublicPort: Number(hb.HostPort),
            Type: proto,
          })
        }
      }
    }
  }
  return {
    ImageID: c.image,
    Command: c.args.length > 0 ? `${c.path} ${args.join(' ')}` : c.path,
    Created: Math.floor(Date.parse(c.created) / 1000),
    Ports: ports,
    ...(size
      ? { SizeRw: c.sizeRw, SizeRootFs: c.sizeRw + (e.state.images.get(c.image)?.size ?? 0) }
      : {}),
    Labels: (c.config.Labels ?? {}) as JsonValue,
    State: stateString(c),
  }
}

/** The fields after Status. */
export function summaryTail(c: ContainerRecord): JsonObject {
  // types.SummaryNetworkSettings holds full EndpointSettings: Links/Aliases stay (as null).
  return {
    HostConfig: { NetworkMode: String(c.hostConfig.NetworkMode ?? 'default') },
    NetworkSettings: { Networks: networksJSON(c) },
    Mounts: mountsJSON(c),
  }
}
