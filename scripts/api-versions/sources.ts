/**
 * Where each API version's facts come from: the reference file in the reference folder and the
 * page it was published as. 1.18–1.23 are the copies shipped in moby at v1.12.6 (the folder's
 * README says so); 1.24 is the later `docs/api/v1.24.md` at commit 50d2c94 (docker-api-facts.md
 * says so: it gained status codes in 2016–2017 that the 1.12.6 text lacks, see
 * first-shipped.json); 1.25 is the swagger.
 */
import { fileURLToPath } from 'node:url'
import type { ApiEndpoint } from '../../src/domain/schemas/api-versions.ts'

export const OUTPUT_DIR = fileURLToPath(new URL('../../data/api-versions/', import.meta.url))

interface VersionSource {
  api: string
  docker: string
  format: 'markdown' | 'swagger'
  file: string
  published: { label: string; url: string }
}

const moby = (api: string) => ({
  label: `docker_remote_api_v${api}.md as shipped with Docker 1.12.6`,
  url: `https://github.com/moby/moby/blob/v1.12.6/docs/reference/api/docker_remote_api_v${api}.md`,
})

export const API_VERSION_SOURCES: readonly VersionSource[] = [
  {
    api: '1.18',
    docker: '1.6',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.18.md',
    published: moby('1.18'),
  },
  {
    api: '1.19',
    docker: '1.7',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.19.md',
    published: moby('1.19'),
  },
  {
    api: '1.20',
    docker: '1.8',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.20.md',
    published: moby('1.20'),
  },
  {
    api: '1.21',
    docker: '1.9',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.21.md',
    published: moby('1.21'),
  },
  {
    api: '1.22',
    docker: '1.10',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.22.md',
    published: moby('1.22'),
  },
  {
    api: '1.23',
    docker: '1.11',
    format: 'markdown',
    file: 'api-versions/docker-api-v1.23.md',
    published: moby('1.23'),
  },
  {
    api: '1.24',
    docker: '1.12',
    format: 'markdown',
    file: 'docker-api-v1.24.md',
    published: moby('1.24'),
  },
  {
    api: '1.25',
    docker: '1.13',
    format: 'swagger',
    file: 'docker-api-v1.25.yaml',
    published: {
      label: 'Docker Engine API v1.25 (swagger, Docker 1.13)',
      url: 'https://docs.docker.com/reference/api/engine/version/v1.25/',
    },
  },
]

const PATH_GROUPS: Readonly<Record<string, ApiEndpoint['group']>> = {
  containers: 'containers',
  images: 'images',
  build: 'images',
  commit: 'misc',
  exec: 'exec',
  volumes: 'volumes',
  networks: 'networks',
  plugins: 'plugins',
  nodes: 'nodes',
  swarm: 'swarm',
  services: 'services',
  tasks: 'tasks',
  secrets: 'secrets',
}

/** The group of an endpoint 1.24 does not have, from the first segment of its path. */
export function groupOfPath(path: string): ApiEndpoint['group'] {
  return PATH_GROUPS[path.split('/')[1] ?? ''] ?? 'misc'
}
