import type { ImageRecord, JsonObject } from './state.ts'

/**
 * Seed images with the shape `docker pull` gave in late 2016. Ids and sizes are plausible
 * values for the images of that time, not byte-exact copies.
 */
export function seedImages(): ImageRecord[] {
  return [
    image({
      id: 'sha256:e02e811dd08fd49e7f6032625495118e63f597eb150403d02e3238af1df240ba',
      tags: ['busybox:latest'],
      digest: 'busybox@sha256:29f5d56d12684887bdfa50dcd29fc31eea4aaf4ad3bec43daf19026a7ce69912',
      created: '2016-12-07T00:33:01.512806917Z',
      size: 1_093_484,
      cmd: ['sh'],
      entrypoint: null,
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      history: [
        'ADD file:6cccb5f0a3b3947116a0c0f55d071980d94427ba0d6dad17bc68ead832cc0a8f in / ',
        '/bin/sh -c #(nop)  CMD ["sh"]',
      ],
      layers: ['sha256:e88b3f82283bc59d5e0df427c824e9f95557e661fcb0ea15fb0fb6f97760f9d9'],
    }),
    image({
      id: 'sha256:01f818af747d88dec2fd6e1c0e7ad5e1cc0a4ba8bffd6ba2e6ab38286c8a4e5c',
      tags: ['nginx:latest'],
      digest: 'nginx@sha256:b555f8c64ab4e85405e0d8b03f759b73ce88deb802892a3b155ef55e3e832806',
      created: '2016-12-13T20:44:20.143398337Z',
      size: 181_501_888,
      cmd: ['nginx', '-g', 'daemon off;'],
      entrypoint: null,
      env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NGINX_VERSION=1.11.6-1~jessie',
      ],
      exposedPorts: { '443/tcp': {}, '80/tcp': {} },
      history: [
        'ADD file:89ecb642d662ee7edbb868340551106d51336c7e589fdaca4111725ec64da957 in / ',
        '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
        '/bin/sh -c #(nop)  MAINTAINER NGINX Docker Maintainers "docker-maint@nginx.com"',
        '/bin/sh -c #(nop)  ENV NGINX_VERSION=1.11.6-1~jessie',
        '/bin/sh -c apt-key adv --keyserver hkp://pgp.mit.edu:80 --recv-keys 573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 \t&& echo "deb http://nginx.org/packages/mainline/debian/ jessie nginx" >> /etc/apt/sources.list \t&& apt-get update \t&& apt-get install --no-install-recommends --no-install-suggests -y \t\t\t\t\t\tca-certificates \t\t\t\t\t\tnginx=$' +
          '{NGINX_VERSION} \t\t\t\t\t\tnginx-module-xslt \t\t\t\t\t\tnginx-module-geoip \t\t\t\t\t\tnginx-module-image-filter \t\t\t\t\t\tnginx-module-perl \t\t\t\t\t\tnginx-module-njs \t\t\t\t\t\tgettext-base \t&& rm -rf /var/lib/apt/lists/*',
        '/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log \t&& ln -sf /dev/stderr /var/log/nginx/error.log',
        '/bin/sh -c #(nop)  EXPOSE 443/tcp 80/tcp',
        '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]',
      ],
      layers: [
        'sha256:a2ae92ffcd29f7ededa0320f4a4fd709a723beae9a4e681696874932db7aee2c',
        'sha256:0eb22bfb707db44a8e5ba46a21b2ac59c83dda9d8b26b2a2e2a88e6f8fb4b1b4',
        'sha256:e5c3f8d15b43b7a1b0f27cc1bc5d5e3b8dcbbd0e2a41ec5b3b4f6cc3f3ac9ae3',
      ],
    }),
    image({
      id: 'sha256:baa5d63471ead618ff91ddfacf1e2c81bf0612bfeb1daf00eb0843a41fbfade3',
      tags: ['alpine:latest'],
      digest: 'alpine@sha256:dfbd4a3a8ebca874ebd2474f044a0b33600d4523d03b0df76e5c5986cb02d7e8',
      created: '2016-12-27T18:54:36.529813582Z',
      size: 3_983_636,
      cmd: ['/bin/sh'],
      entrypoint: null,
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      history: [
        'ADD file:eeed5f514a35d18fcd9cbfe6c40c582211020bffdd53e4799018d33826fe5067 in / ',
        '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
      ],
      layers: ['sha256:7cbcbac42c44c6c38559e5df3a494f44987333c8023a40fec48df2fce1fc146b'],
    }),
  ]
}

interface SeedSpec {
  id: string
  tags: string[]
  digest: string
  created: string
  size: number
  cmd: string[]
  entrypoint: string[] | null
  env: string[]
  exposedPorts?: Record<string, Record<string, never>>
  history: string[]
  layers: string[]
}

/** An image's Config as the registry serves it (seeded and pulled images alike), in Go field order. */
export function registryImageConfig(c: {
  env: string[]
  cmd: string[] | null
  entrypoint: string[] | null
  exposedPorts?: Record<string, Record<string, never>> | undefined
}): JsonObject {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(c.exposedPorts ? { ExposedPorts: c.exposedPorts } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.env,
    Cmd: c.cmd,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: c.entrypoint,
    OnBuild: null,
    Labels: {},
  }
}

function image(s: SeedSpec): ImageRecord {
  const config = registryImageConfig({
    env: s.env,
    cmd: s.cmd,
    entrypoint: s.entrypoint,
    exposedPorts: s.exposedPorts,
  })
  return {
    id: s.id,
    repoTags: s.tags,
    repoDigests: [s.digest],
    parent: '',
    comment: '',
    created: s.created,
    container: '',
    dockerVersion: '1.12.3',
    author: '',
    config,
    architecture: 'amd64',
    os: 'linux',
    size: s.size,
    history: s.history.map((createdBy, i) => ({
      created: s.created,
      createdBy,
      size:
        i === 0
          ? Math.round(s.size * 0.9)
          : createdBy.includes('#(nop)')
            ? 0
            : Math.round(s.size * 0.1),
      comment: '',
      ...(createdBy.includes('#(nop)') ? { emptyLayer: true } : {}),
    })),
    layers: s.layers,
  }
}
