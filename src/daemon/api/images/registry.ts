/** The simulated registry: what its images run, and stable made-up digests. */

export const CMD_OF: Record<
  string,
  { cmd: string[]; entrypoint?: string[]; ports?: string[]; size: number }
> = {
  ubuntu: { cmd: ['/bin/bash'], size: 126_600_000 },
  debian: { cmd: ['/bin/bash'], size: 123_000_000 },
  centos: { cmd: ['/bin/bash'], size: 191_800_000 },
  redis: {
    cmd: ['redis-server'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['6379/tcp'],
    size: 182_900_000,
  },
  postgres: {
    cmd: ['postgres'],
    entrypoint: ['/docker-entrypoint.sh'],
    ports: ['5432/tcp'],
    size: 264_900_000,
  },
  mysql: {
    cmd: ['mysqld'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['3306/tcp'],
    size: 383_400_000,
  },
  httpd: { cmd: ['httpd-foreground'], ports: ['80/tcp'], size: 176_600_000 },
  memcached: { cmd: ['memcached'], ports: ['11211/tcp'], size: 128_000_000 },
  pause: { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'google_containers/pause': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'gcr.io/google_containers/pause': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
  'gcr.io/google_containers/pause-amd64': { cmd: [], entrypoint: ['/pause'], size: 746_888 },
}

export function pseudoHex(seed: string, n = 64): string {
  let h = 0x811c9dc5
  let out = ''
  while (out.length < n) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0
    h = Math.imul(h ^ out.length, 2246822519) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, n)
}
