/**
 * The simulated registry: which images it serves and what they run — one table, the config
 * each image had on Docker Hub / gcr.io in December 2016 (the images a Kubernetes 1.3 / 1.4
 * node pulled): entrypoint, command, environment, exposed ports, working directory, user.
 * Sizes are the uncompressed sizes `docker images` showed; ids are made up unless given.
 * Anything not in the table is served as a busybox-like image that runs `sh`.
 */

export interface RegistryImage {
  /** Repository names as parsed (`nginx`, `gcr.io/google_containers/pause-amd64`). */
  repos: readonly string[]
  /** The tags this row serves; absent = every tag (rows with tags are looked up first). */
  tags?: readonly string[]
  /**
   * A seeded image this tag was at the time (`nginx:1.11` was the same image as
   * `nginx:latest`): the pull gives that image, same id and layers, under the new tag.
   */
  sameAs?: string
  cmd: readonly string[] | null
  entrypoint?: readonly string[]
  /** Config.Env; absent = the default PATH only, null = none (an image built FROM scratch). */
  env?: readonly string[] | null
  ports?: readonly string[]
  workingDir?: string
  user?: string
  volumes?: readonly string[]
  size: number
  /** The image id, where the real one is well known (`docker images` on every node). */
  id?: string
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const NGINX = {
  repos: ['nginx'],
  cmd: ['nginx', '-g', 'daemon off;'],
  ports: ['443/tcp', '80/tcp'],
} as const

const PAUSE_REPOS = [
  'gcr.io/google_containers/pause-amd64',
  'gcr.io/google_containers/pause',
  'google_containers/pause',
  'kubernetes/pause',
  'pause',
] as const

/** The table. Rows with `tags` come before the catch-all row of the same repository. */
export const REGISTRY_IMAGES: readonly RegistryImage[] = [
  // The infra ("pause") container of every pod: build/pause/Dockerfile at v1.3.0 / v1.4.0 is
  // `FROM scratch`, `ADD bin/pause-amd64 /pause`, `ENTRYPOINT ["/pause"]` (TAG = 3.0 in
  // build/pause/Makefile); pause.c exits 0 on SIGTERM and SIGINT.
  {
    repos: PAUSE_REPOS,
    tags: ['3.0'],
    cmd: null,
    entrypoint: ['/pause'],
    env: null,
    size: 746_888,
    id: 'sha256:99e59f495ffaa222bfeb67580213e8c28c1e885f1d245ab2bbe3b1b1ec3bd0b2',
  },
  { repos: PAUSE_REPOS, cmd: null, entrypoint: ['/pause'], env: null, size: 746_888 },
  // nginx: the docker-library Dockerfiles (mainline 1.11 and stable 1.10 on debian:jessie).
  {
    ...NGINX,
    tags: ['latest', '1.11', '1.11.6', 'mainline'],
    sameAs: 'nginx:latest',
    size: 181_501_888,
  },
  {
    ...NGINX,
    tags: ['1.10', '1.10.2', 'stable'],
    env: [PATH, 'NGINX_VERSION=1.10.2-1~jessie'],
    size: 181_435_489,
  },
  {
    ...NGINX,
    tags: ['alpine', '1.11-alpine', '1.11.6-alpine', 'mainline-alpine'],
    env: [PATH, 'NGINX_VERSION=1.11.6'],
    size: 54_271_018,
  },
  { ...NGINX, size: 181_501_888 },
  {
    repos: ['busybox'],
    tags: ['latest', '1.25', '1.25.1'],
    sameAs: 'busybox:latest',
    cmd: ['sh'],
    size: 1_093_484,
  },
  { repos: ['busybox'], cmd: ['sh'], size: 1_093_484 },
  {
    repos: ['alpine'],
    tags: ['latest', '3.5'],
    sameAs: 'alpine:latest',
    cmd: ['/bin/sh'],
    size: 3_983_636,
  },
  { repos: ['alpine'], cmd: ['/bin/sh'], size: 3_983_636 },
  { repos: ['ubuntu'], cmd: ['/bin/bash'], size: 126_600_000 },
  { repos: ['debian'], cmd: ['/bin/bash'], size: 123_000_000 },
  { repos: ['centos'], cmd: ['/bin/bash'], size: 191_800_000 },
  {
    repos: ['redis'],
    cmd: ['redis-server'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['6379/tcp'],
    volumes: ['/data'],
    workingDir: '/data',
    size: 182_900_000,
  },
  {
    repos: ['postgres'],
    cmd: ['postgres'],
    entrypoint: ['docker-entrypoint.sh'],
    env: [
      'PATH=/usr/lib/postgresql/9.6/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'PGDATA=/var/lib/postgresql/data',
    ],
    ports: ['5432/tcp'],
    volumes: ['/var/lib/postgresql/data'],
    size: 264_900_000,
  },
  {
    repos: ['mysql'],
    cmd: ['mysqld'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['3306/tcp'],
    volumes: ['/var/lib/mysql'],
    size: 383_400_000,
  },
  {
    repos: ['httpd'],
    cmd: ['httpd-foreground'],
    env: [
      'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HTTPD_PREFIX=/usr/local/apache2',
    ],
    ports: ['80/tcp'],
    workingDir: '/usr/local/apache2',
    size: 176_600_000,
  },
  {
    repos: ['memcached'],
    cmd: ['memcached'],
    entrypoint: ['docker-entrypoint.sh'],
    ports: ['11211/tcp'],
    user: 'memcache',
    size: 128_000_000,
  },
]

/** What an unknown repository is served as: a busybox-like image that runs `sh`. */
const FALLBACK: RegistryImage = { repos: [], cmd: ['sh'], size: 5_000_000 }

/**
 * The row that serves `name:tag` (`tag` null for a pull by digest: the repository's catch-all
 * row), or the busybox-like fallback.
 */
export function registryImage(name: string, tag: string | null): RegistryImage {
  const rows = REGISTRY_IMAGES.filter((r) => r.repos.includes(name))
  if (tag !== null) {
    const tagged = rows.find((r) => r.tags?.includes(tag) === true)
    if (tagged !== undefined) return tagged
  }
  return rows.find((r) => r.tags === undefined) ?? FALLBACK
}

/** Config.Env of a row. */
export function registryEnv(row: RegistryImage): string[] | null {
  if (row.env === null) return null
  return row.env === undefined ? [PATH] : [...row.env]
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
