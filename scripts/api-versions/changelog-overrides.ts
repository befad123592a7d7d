/**
 * Bullets of the version history that name no endpoint, or whose rows the name matching in
 * map-changelog.ts cannot find, decided by reading the bullet and the two references.
 * Keyed "api#n" (n: the bullet's position in the later history, docker-api-version-history.md).
 */
import type { ChangelogBullet } from '../../src/domain/schemas/api-versions.ts'

export interface Override {
  /** Endpoint ids the bullet is about although it does not write them as METHOD /path. */
  endpoints?: string[]
  /** The diff rows it accounts for, as changeKey() writes them; replaces the name matching. */
  rows?: string[]
  scope?: ChangelogBullet['scope']
}

const WHOLE_API: Override = { scope: 'not-per-endpoint' }

export const OVERRIDES: Readonly<Record<string, Override>> = {
  // CgroupParent is a HostConfig field; 1.18 is the first version parsed, so there is no diff.
  '1.18#6': { endpoints: ['ContainerCreate'] },
  // Version negotiation: the router's answer to any path with a too-new version.
  '1.19#1': WHOLE_API,
  // Build-time variables: the buildargs parameter.
  '1.21#10': { rows: ['ImageBuild|param-added|buildargs'] },
  // "filtering by image and container labels": the events' label filter.
  '1.21#12': { rows: ['SystemEvents|filter-added|label'] },
  // The 1.21 reference never lists HostConfig.OomScoreAdj; it first appears in 1.22's list.
  '1.21#20': {
    endpoints: ['ContainerCreate'],
    rows: ['1.22@ContainerCreate|param-added|HostConfig.OomScoreAdj'],
  },
  // Read/write rate limits per device: the four BlkioDevice* fields (one misspelt in 1.22–1.23).
  '1.22#11': {
    rows: [
      'ContainerCreate|param-added|HostConfig.BlkioDeviceReadBps',
      'ContainerCreate|param-added|HostConfig.BlkioDeviceWriteBps',
      'ContainerCreate|param-added|HostConfig.BlkioDeviceReadIOps',
      'ContainerCreate|param-added|HostConfig.BlkioDeviceWiiteIOps',
    ],
  },
  // Internal networks: the field is listed only from the 1.23 reference on.
  '1.22#16': { rows: ['1.23@NetworkCreate|param-added|Internal'] },
  // Options in the IPAM config.
  '1.22#19': { rows: ['NetworkCreate|param-added|IPAM.Options'] },
  // Overriding user-namespace remapping: HostConfig.UsernsMode.
  '1.23#11': { rows: ['ContainerCreate|param-added|HostConfig.UsernsMode'] },
  // The name and driver volume filters are documented only from the 1.24 reference on.
  '1.23#15': {
    rows: ['1.24@VolumeList|filter-added|name', '1.24@VolumeList|filter-added|driver'],
  },
  // The logs' details parameter is documented only from the 1.24 reference on.
  '1.23#16': { rows: ['1.24@ContainerLogs|param-added|details'] },
  // Kernel parameters (sysctls): HostConfig.Sysctls.
  '1.24#19': { rows: ['ContainerCreate|param-added|HostConfig.Sysctls'] },
  // AuthConfig is a structure several endpoints carry (POST /auth, X-Registry-Auth headers).
  '1.22#8': WHOLE_API,
  // The error format of every endpoint.
  '1.24#18': WHOLE_API,
  // Versioned paths required, and two headers on every answer.
  '1.25#1': WHOLE_API,
  '1.25#32': WHOLE_API,
  '1.25#33': WHOLE_API,
}
