import { create, EMPTY_TAR, err, running, tarOf, tarWith } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Image endpoints.
 * @see moby api/server/router/image/image_routes.go, daemon/images.go, daemon/image_delete.go at v1.12.6
 */

/** A config file as `docker save` names it (<image id>.json), with no layers. */
const LOAD_CONFIG = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.json'
const LOAD_CONFIG_JSON =
  '{"architecture":"amd64","config":{"Cmd":["sh"]},"created":"2017-01-13T22:50:55Z","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'

export const imageScenarios: Scenario[] = [
  {
    name: 'images: the seeded images',
    endpointId: 'ImageList',
    setup: [],
    request: { method: 'GET', path: '/images/json' },
    expect: { status: 200, body: { contains: '"RepoTags":["busybox:latest"]' } },
  },
  {
    name: 'images: filter by repository glob',
    endpointId: 'ImageList',
    setup: [],
    request: { method: 'GET', path: '/images/json?filter=bus*' },
    expect: { status: 200, body: { json: [{ RepoTags: ['busybox:latest'] }] } },
    source: 'integration-cli/docker_api_images_test.go TestApiImagesFilter',
  },
  {
    name: 'images: unknown filter key',
    endpointId: 'ImageList',
    setup: [],
    request: {
      method: 'GET',
      path: `/images/json?filters=${encodeURIComponent('{"foo":{"x":true}}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'foo'") },
  },
  {
    name: 'images: bad dangling value',
    endpointId: 'ImageList',
    setup: [],
    request: {
      method: 'GET',
      path: `/images/json?filters=${encodeURIComponent('{"dangling":{"maybe":true}}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'dangling=[maybe]'") },
  },
  {
    name: 'build: a Dockerfile in a tar context',
    endpointId: 'ImageBuild',
    setup: [],
    request: {
      method: 'POST',
      path: '/build?t=hello:1',
      body: tarWith('Dockerfile', 'FROM busybox\nCMD ["echo", "hello"]\n'),
      contentType: 'application/x-tar',
    },
    // Each message ends with "\r\n" (pkg/streamformatter streamNewline), not json.Encoder's "\n".
    expect: {
      status: 200,
      body: { contains: '{"stream":"Step 1 : FROM busybox\\n"}\r\n{"stream":" ---\\u003e ' },
    },
    source: 'pkg/streamformatter/streamformatter.go FormatStream at v1.12.6',
  },
  {
    name: 'build: no Dockerfile in the context',
    endpointId: 'ImageBuild',
    setup: [],
    request: { method: 'POST', path: '/build', body: EMPTY_TAR, contentType: 'application/x-tar' },
    expect: { status: 500, body: err('Cannot locate specified Dockerfile: Dockerfile') },
  },
  {
    name: 'pull: a JSON progress stream',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=redis&tag=3.2' },
    expect: {
      status: 200,
      body: { contains: '{"status":"Status: Downloaded newer image for redis:3.2"}\r\n' },
      headers: { 'content-type': 'application/json' },
    },
    source: 'pkg/streamformatter/streamformatter.go FormatStatus at v1.12.6',
  },
  {
    name: 'pull: progress messages end with \\r\\n',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=redis&tag=3.2' },
    expect: {
      status: 200,
      body: {
        contains:
          '{"status":"Downloading","progressDetail":{"current":27435000,"total":54870000},"progress":"[========================\\u003e                         ] 27.43 MB/54.87 MB","id":"188dc6cdb820"}\r\n{"status":"Verifying Checksum","progressDetail":{},"id":"188dc6cdb820"}\r\n',
      },
    },
    source: 'pkg/streamformatter/streamformatter.go FormatProgress at v1.12.6',
  },
  {
    name: 'import: a source URL that does not resolve, in the stream',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromSrc=nosuch.example' },
    expect: {
      status: 200,
      body:
        '{"status":"Downloading from http://nosuch.example"}\r\n' +
        '{"errorDetail":{"message":"Get http://nosuch.example: dial tcp: lookup nosuch.example on 127.0.1.1:53: no such host"},"error":"Get http://nosuch.example: dial tcp: lookup nosuch.example on 127.0.1.1:53: no such host"}\r\n',
      headers: { 'content-type': 'application/json' },
    },
    source: 'pkg/streamformatter/streamformatter.go FormatStatus, FormatError at v1.12.6',
  },
  {
    name: 'pull: an image already present',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=busybox&tag=latest' },
    expect: {
      status: 200,
      body: { contains: '{"status":"Status: Image is up to date for busybox:latest"}\r\n' },
    },
  },
  {
    name: 'pull: a seeded image re-pulled after rmi keeps its config',
    endpointId: 'ImageCreate',
    setup: [
      { method: 'DELETE', path: '/images/nginx?force=1', status: 200 },
      { method: 'POST', path: '/images/create?fromImage=nginx&tag=latest', status: 200 },
    ],
    request: { method: 'GET', path: '/images/nginx/json' },
    expect: {
      status: 200,
      body: {
        json: {
          Id: 'sha256:01f818af747d88dec2fd6e1c0e7ad5e1cc0a4ba8bffd6ba2e6ab38286c8a4e5c',
          RepoTags: ['nginx:latest'],
          RepoDigests: [
            'nginx@sha256:b555f8c64ab4e85405e0d8b03f759b73ce88deb802892a3b155ef55e3e832806',
          ],
          Config: {
            Cmd: ['nginx', '-g', 'daemon off;'],
            ExposedPorts: { '443/tcp': {}, '80/tcp': {} },
          },
        },
      },
    },
  },
  {
    name: 'pull: reports the digest rmi untags',
    endpointId: 'ImageCreate',
    setup: [{ method: 'DELETE', path: '/images/nginx?force=1', status: 200 }],
    request: { method: 'POST', path: '/images/create?fromImage=nginx&tag=latest' },
    expect: {
      status: 200,
      body: {
        contains:
          '{"status":"Digest: sha256:b555f8c64ab4e85405e0d8b03f759b73ce88deb802892a3b155ef55e3e832806"}\r\n',
      },
    },
  },
  {
    name: 'pull: an up-to-date seeded image reports its seeded digest',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=alpine&tag=latest' },
    expect: {
      status: 200,
      body: {
        contains:
          '{"status":"Digest: sha256:dfbd4a3a8ebca874ebd2474f044a0b33600d4523d03b0df76e5c5986cb02d7e8"}\r\n',
      },
    },
  },
  {
    name: 'pull: a repository the registry does not have',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=doesnotexist&tag=latest' },
    expect: { status: 404, body: err('Error: image library/doesnotexist:latest not found') },
  },
  {
    name: 'pull: an invalid reference fails before streaming',
    endpointId: 'ImageCreate',
    setup: [],
    request: { method: 'POST', path: '/images/create?fromImage=Busybox-BAD' },
    expect: {
      status: 500,
      body: err('Error parsing reference: "Busybox-BAD" is not a valid repository/tag'),
    },
  },
  {
    name: 'image inspect: by name',
    endpointId: 'ImageInspect',
    setup: [],
    request: { method: 'GET', path: '/images/busybox/json' },
    expect: {
      status: 200,
      body: { json: { RepoTags: ['busybox:latest'], Config: { Cmd: ['sh'] } } },
    },
  },
  {
    name: 'image inspect: unknown, the name as given',
    endpointId: 'ImageInspect',
    setup: [],
    request: { method: 'GET', path: '/images/nosuch/json' },
    expect: { status: 404, body: err('No such image: nosuch') },
  },
  {
    name: 'image history: entry 0 carries the tags',
    endpointId: 'ImageHistory',
    setup: [],
    request: { method: 'GET', path: '/images/busybox/history' },
    expect: { status: 200, body: { json: [{ Tags: ['busybox:latest'] }] } },
    source: 'integration-cli/docker_api_images_test.go TestApiImagesHistory',
  },
  {
    name: 'image history: unknown is the raw "no such id"',
    endpointId: 'ImageHistory',
    setup: [],
    request: { method: 'GET', path: '/images/nosuch/history' },
    expect: { status: 404, body: err('no such id: nosuch') },
  },
  {
    name: 'image history: invalid reference',
    endpointId: 'ImageHistory',
    setup: [],
    request: { method: 'GET', path: '/images/Bad/history' },
    expect: {
      status: 500,
      body: err('Error parsing reference: "Bad" is not a valid repository/tag'),
    },
  },
  {
    name: 'push: with credentials, a JSON progress stream',
    endpointId: 'ImagePush',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/busybox/push?tag=latest',
      headers: { 'x-registry-auth': btoa('{"username":"u","password":"p"}') },
    },
    expect: {
      status: 200,
      body: {
        contains: '{"status":"The push refers to a repository [docker.io/library/busybox]"}\r\n',
      },
    },
  },
  {
    name: 'push: no X-Registry-Auth and no JSON body is a bad parameter (400)',
    endpointId: 'ImagePush',
    setup: [],
    request: { method: 'POST', path: '/images/busybox/push' },
    expect: { status: 400, body: err('Bad parameters and missing X-Registry-Auth: EOF') },
  },
  {
    name: 'push: an invalid reference',
    endpointId: 'ImagePush',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/Bad/push',
      headers: { 'x-registry-auth': btoa('{}') },
    },
    expect: {
      status: 500,
      body: err('Error parsing reference: "Bad" is not a valid repository/tag'),
    },
  },
  {
    name: 'tag: 201 with an empty body',
    endpointId: 'ImageTag',
    setup: [],
    request: { method: 'POST', path: '/images/busybox/tag?repo=mybox&tag=v1' },
    expect: { status: 201, body: '' },
  },
  {
    name: 'tag: unknown image',
    endpointId: 'ImageTag',
    setup: [],
    request: { method: 'POST', path: '/images/nosuch/tag?repo=mybox&tag=v1' },
    expect: { status: 404, body: err('no such id: nosuch') },
  },
  {
    name: 'tag: uppercase repository',
    endpointId: 'ImageTag',
    setup: [],
    request: { method: 'POST', path: '/images/busybox/tag?repo=MyBox' },
    expect: { status: 500, body: err('repository name must be lowercase') },
  },
  {
    name: 'delete image: untag one of two tags',
    endpointId: 'ImageDelete',
    setup: [{ method: 'POST', path: '/images/busybox/tag?repo=mybox&tag=v1', status: 201 }],
    request: { method: 'DELETE', path: '/images/mybox:v1' },
    expect: { status: 200, body: '[{"Untagged":"mybox:v1"}]\n' },
  },
  {
    name: 'delete image: unknown gets the default tag',
    endpointId: 'ImageDelete',
    setup: [],
    request: { method: 'DELETE', path: '/images/nosuch' },
    expect: { status: 404, body: err('No such image: nosuch:latest') },
    source: 'integration-cli/docker_api_images_test.go TestApiImagesDelete',
  },
  {
    name: 'delete image: used by a container',
    endpointId: 'ImageDelete',
    setup: [create('web')],
    request: { method: 'DELETE', path: '/images/busybox' },
    expect: {
      status: 409,
      body: {
        contains:
          'conflict: unable to remove repository reference \\"busybox\\" (must force) - container ',
      },
    },
  },
  {
    name: 'delete image: by id, used by a running container',
    endpointId: 'ImageDelete',
    setup: running('web'),
    request: { method: 'DELETE', path: '/images/e02e811dd08f?force=1' },
    expect: {
      status: 409,
      body: { contains: '(cannot be forced) - image is being used by running container ' },
    },
  },
  {
    name: 'delete image: blank name',
    endpointId: 'ImageDelete',
    setup: [],
    request: { method: 'DELETE', path: '/images/%20' },
    expect: { status: 500, body: err('image name cannot be blank') },
  },
  {
    name: 'search: static results',
    endpointId: 'ImageSearch',
    setup: [],
    request: { method: 'GET', path: '/images/search?term=busybox' },
    expect: { status: 200, body: { json: [{ name: 'busybox', is_official: true }] } },
  },
  {
    name: 'search: limit=abc',
    endpointId: 'ImageSearch',
    setup: [],
    request: { method: 'GET', path: '/images/search?term=busybox&limit=abc' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "abc": invalid syntax') },
  },
  {
    name: 'get: one image as a tar',
    endpointId: 'ImageGet',
    setup: [],
    request: { method: 'GET', path: '/images/busybox/get' },
    expect: { status: 200, headers: { 'content-type': 'application/x-tar' } },
  },
  {
    name: 'get: unknown image',
    endpointId: 'ImageGet',
    setup: [],
    request: { method: 'GET', path: '/images/nosuch/get' },
    expect: { status: 500, body: err('reference does not exist') },
  },
  {
    name: 'get all: several images as one tar',
    endpointId: 'ImageGetAll',
    setup: [],
    request: { method: 'GET', path: '/images/get?names=busybox&names=alpine' },
    expect: { status: 200, headers: { 'content-type': 'application/x-tar' } },
  },
  {
    name: 'get all: an unknown name',
    endpointId: 'ImageGetAll',
    setup: [],
    request: { method: 'GET', path: '/images/get?names=nosuch' },
    expect: { status: 500, body: err('reference does not exist') },
  },
  {
    name: 'load: a tar with a manifest and its config',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarOf([
        [LOAD_CONFIG, LOAD_CONFIG_JSON],
        ['manifest.json', `[{"Config":"${LOAD_CONFIG}","RepoTags":["loaded:1"],"Layers":[]}]`],
      ]),
      contentType: 'application/x-tar',
    },
    expect: { status: 200, body: 'Loaded image: loaded:1\n' },
  },
  {
    name: 'load: an untagged image prints its id',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarOf([
        [LOAD_CONFIG, LOAD_CONFIG_JSON],
        ['manifest.json', `[{"Config":"${LOAD_CONFIG}","RepoTags":null,"Layers":[]}]`],
      ]),
      contentType: 'application/x-tar',
    },
    expect: { status: 200, body: `Loaded image ID: sha256:${LOAD_CONFIG.slice(0, 64)}\n` },
  },
  {
    name: 'load: a failure after a loaded image is appended to the 200 answer',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarOf([
        [LOAD_CONFIG, LOAD_CONFIG_JSON],
        [
          'manifest.json',
          `[{"Config":"${LOAD_CONFIG}","RepoTags":["loaded:1"],"Layers":[]},{"Config":"missing.json","Layers":[]}]`,
        ],
      ]),
      contentType: 'application/x-tar',
    },
    expect: {
      status: 200,
      body: {
        contains: 'Loaded image: loaded:1\n{"message":"open /var/lib/docker/tmp/docker-import-',
      },
    },
  },
  {
    name: 'load: the config named in manifest.json is not in the archive',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarWith(
        'manifest.json',
        `[{"Config":"${LOAD_CONFIG}","RepoTags":["loaded:1"],"Layers":[]}]`,
      ),
      contentType: 'application/x-tar',
    },
    // "open /var/lib/docker/tmp/docker-import-<random>/<file>: …": "no such" maps to 404.
    expect: {
      status: 404,
      body: { contains: `/${LOAD_CONFIG}: no such file or directory"}` },
    },
    source: 'image/tarexport/load.go Load (ioutil.ReadFile of the config) at v1.12.6',
  },
  {
    name: 'load: layers and diff_ids disagree',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarOf([
        [LOAD_CONFIG, LOAD_CONFIG_JSON],
        [
          'manifest.json',
          `[{"Config":"${LOAD_CONFIG}","RepoTags":["loaded:1"],"Layers":["x/layer.tar"]}]`,
        ],
      ]),
      contentType: 'application/x-tar',
    },
    expect: {
      status: 500,
      body: err("invalid manifest, layers length mismatch: expected '\\x01', got '\\x00'"),
    },
  },
  {
    name: 'load: a malformed manifest.json',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarWith('manifest.json', 'notjson'),
      contentType: 'application/x-tar',
    },
    expect: { status: 500, body: err("invalid character 'o' in literal null (expecting 'u')") },
  },
  {
    name: 'load: not an image archive (neither manifest.json nor repositories)',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: EMPTY_TAR,
      contentType: 'application/x-tar',
    },
    // legacyLoad returns repositoriesFile.Close() on a nil *os.File: os.ErrInvalid. (1.13 made
    // it a 404 "…/repositories: no such file or directory", moby 8f37abd056.)
    expect: { status: 500, body: err('invalid argument') },
    source: 'image/tarexport/load.go legacyLoad at v1.12.6',
  },
  {
    name: 'load: not an image archive, quiet=0, is an error in a 200 stream',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load?quiet=0',
      body: EMPTY_TAR,
      contentType: 'application/x-tar',
    },
    expect: {
      status: 200,
      // streamformatter.FormatError: json.Marshal output plus "\r\n".
      body: '{"errorDetail":{"message":"invalid argument"},"error":"invalid argument"}\r\n',
    },
  },
  {
    name: 'load: a legacy image directory without its json',
    endpointId: 'ImageLoad',
    setup: [],
    request: {
      method: 'POST',
      path: '/images/load',
      body: tarWith('abc/layer.tar', ''),
      contentType: 'application/x-tar',
    },
    expect: { status: 404, body: { contains: '/abc/json: no such file or directory"}' } },
  },
]
