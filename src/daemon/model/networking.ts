import type { ContainerRecord, NetworkRecord } from './state.ts'

/**
 * The networks a fresh daemon has (bridge, host, none) and the addresses a container's
 * endpoints get when it starts.
 */

/** What these need from the daemon: fresh ids and the network lookup (engine/registry.ts). */
export interface NetworkStore {
  newId(): string
  findNetwork(idOrName: string): NetworkRecord | undefined
}

/** Gives each endpoint of a starting container an address on its network (not host/none). */
export function attachNetworks(store: NetworkStore, c: ContainerRecord): void {
  for (const ep of c.networks) {
    const n = store.findNetwork(ep.name)
    if (n === undefined || n.driver === 'host' || n.driver === 'null') continue
    n.nextHost += 1
    const ip = hostAddress(n.subnet, n.nextHost)
    ep.ipAddress = ip
    ep.gateway = n.gateway
    ep.ipPrefixLen = Number(n.subnet.split('/')[1] ?? 16)
    ep.macAddress = macFor(ip)
    ep.endpointId = store.newId()
    n.containers.push({
      containerId: c.id,
      endpointId: ep.endpointId,
      macAddress: ep.macAddress,
      ipv4Address: `${ip}/${ep.ipPrefixLen}`,
    })
  }
}

/** Releases the endpoints of a stopped container. */
export function detachNetworks(store: NetworkStore, c: ContainerRecord): void {
  for (const ep of c.networks) {
    const n = store.findNetwork(ep.name)
    if (n !== undefined) {
      const i = n.containers.findIndex((x) => x.containerId === c.id)
      if (i >= 0) n.containers.splice(i, 1)
    }
    ep.ipAddress = ''
    ep.gateway = ''
    ep.ipPrefixLen = 0
    ep.macAddress = ''
    ep.endpointId = ''
  }
}

export function hostAddress(subnet: string, host: number): string {
  const [base = '0.0.0.0'] = subnet.split('/')
  const parts = base.split('.').map((x) => Number(x))
  const n =
    (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) +
    host
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** Docker derives the MAC from the IPv4 address: 02:42:ac:11:00:02 for 172.17.0.2. */
export function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0'))].join(
    ':',
  )
}

export function defaultNetworks(store: Pick<NetworkStore, 'newId'>): NetworkRecord[] {
  const mk = (name: string, driver: string, subnet: string, gateway: string): NetworkRecord => ({
    id: store.newId(),
    name,
    driver,
    scope: 'local',
    enableIPv6: false,
    internal: false,
    ipam: {
      Driver: 'default',
      Options: null,
      Config: subnet === '' ? [] : [{ Subnet: subnet, Gateway: gateway }],
    },
    options:
      name === 'bridge'
        ? {
            'com.docker.network.bridge.default_bridge': 'true',
            'com.docker.network.bridge.enable_icc': 'true',
            'com.docker.network.bridge.enable_ip_masquerade': 'true',
            'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
            'com.docker.network.bridge.name': 'docker0',
            'com.docker.network.driver.mtu': '1500',
          }
        : {},
    labels: {},
    containers: [],
    nextHost: 1,
    subnet,
    gateway,
  })
  return [
    mk('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1'),
    mk('host', 'host', '', ''),
    mk('none', 'null', '', ''),
  ]
}
