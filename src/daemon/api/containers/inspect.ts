import type { Engine } from '../../engine.ts'
import { type ContainerRecord, isRunning, type JsonObject } from '../../model/state.ts'
import { boolValue, type Handler, versionGTE, versionLT } from '../context.ts'
import { json } from '../http.ts'
import { mountsJSON, networksJSON, portMap } from './shapes.ts'
import { stateString } from './status.ts'

/** `types.ContainerJSON` (GET /containers/{id}/json). */
export function inspectJSON(e: Engine, c: ContainerRecord, size: boolean): JsonObject {
  const bridge = c.networks.find((n) => n.name === 'bridge')
  const st = c.state
  const root = `/var/lib/docker/containers/${c.id}`
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: stateString(c),
      Running: isRunning(c),
      Paused: st.status === 'paused',
      Restarting: st.status === 'restarting',
      OOMKilled: st.oomKilled,
      Dead: st.status === 'dead',
      Pid: st.pid,
      ExitCode: st.exitCode,
      Error: st.error,
      StartedAt: st.startedAt,
      FinishedAt: st.finishedAt,
    },
    Image: c.image,
    ResolvConfPath: `${root}/resolv.conf`,
    HostnamePath: `${root}/hostname`,
    HostsPath: `${root}/hosts`,
    LogPath: `${root}/${c.id}-json.log`,
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'aufs',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds.length > 0 ? c.execIds : null,
    HostConfig: c.hostConfig,
    GraphDriver: { Name: 'aufs', Data: null },
    ...(size
      ? { SizeRw: c.sizeRw, SizeRootFs: c.sizeRw + (e.state.images.get(c.image)?.size ?? 0) }
      : {}),
    Mounts: mountsJSON(c),
    Config: c.config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: isRunning(c) ? `${c.id.slice(0, 12)}${'0'.repeat(52)}` : '',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: portMap(c),
      SandboxKey: isRunning(c) ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.endpointId ?? '',
      Gateway: bridge?.gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.ipAddress ?? '',
      IPPrefixLen: bridge?.ipPrefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: bridge?.macAddress ?? '',
      Networks: networksJSON(c),
    },
  }
}

/**
 * GET /containers/{id}/json. Older API versions get the older shapes: before 1.20 `Volumes`
 * and `VolumesRW` instead of `Mounts` and resource limits inside `Config`; up to 1.20 the
 * NetworkSettings without `Networks`.
 * @see moby daemon/inspect.go ContainerInspect, daemon/inspect_unix.go at v1.12.6
 */
export const inspect: Handler = (ctx) => {
  const c = ctx.engine.registry.getContainer(ctx.param)
  if (versionGTE(ctx, '1.21')) return json(200, inspectJSON(ctx.engine, c, boolValue(ctx, 'size')))
  const current = inspectJSON(ctx.engine, c, false)
  const { Mounts, Config, NetworkSettings, ...base } = current
  const { Networks: _networks, ...compatNetwork } = NetworkSettings as JsonObject
  const hc = c.hostConfig
  if (versionLT(ctx, '1.20')) {
    const volumes: JsonObject = {}
    const volumesRW: JsonObject = {}
    for (const m of c.mounts) {
      volumes[m.destination] = m.source
      volumesRW[m.destination] = m.rw
    }
    return json(200, {
      ...base,
      Volumes: volumes,
      VolumesRW: volumesRW,
      Config: {
        ...(Config as JsonObject),
        VolumeDriver: hc.VolumeDriver ?? '',
        Memory: hc.Memory ?? 0,
        MemorySwap: hc.MemorySwap ?? 0,
        CpuShares: hc.CpuShares ?? 0,
        Cpuset: hc.CpusetCpus ?? '',
      },
      NetworkSettings: compatNetwork,
    })
  }
  return json(200, {
    ...base,
    Mounts: Mounts ?? [],
    Config: { ...(Config as JsonObject), VolumeDriver: hc.VolumeDriver ?? '' },
    NetworkSettings: compatNetwork,
  })
}
