import {
  create,
  err,
  pause,
  plain,
  running,
  seventeen,
  sharedPrefixOf,
  start,
  stop,
  TOP,
  TTY_SH,
  wait,
} from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Container endpoints. Messages are the 1.12.6 texts.
 * @see moby api/server/router/container/container_routes.go, daemon/*.go at v1.12.6
 */

const NO_SUCH = (x: string) => err(`No such container: ${x}`)
/** A container whose process exits at once and whose restart policy brings it back: it stays
 * `restarting` while the (fixed) clock does not reach the back-off. */
const crashing = (name: string) => [
  create(name, {
    Image: 'busybox',
    Cmd: ['sh', '-c', 'exit 1'],
    HostConfig: { RestartPolicy: { Name: 'always' } },
  }),
  start(name),
]
const RESTARTING = (x: string) =>
  err(`Container ${x} is restarting, wait until the container is running`)
const JSON_TYPE = { 'content-type': 'application/json' }
/** JSON nested far deeper than a recursive JavaScript parser survives. */
const DEEP_ARRAY = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
const DEEP_OBJECT = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`

const SEVENTEEN = seventeen('c')
const AMBIGUOUS = sharedPrefixOf(SEVENTEEN)
/** daemon.GetContainer turns an ambiguous prefix into the untyped truncindex error: 500. */
const ambiguousPrefix = (endpointId: string, method: string, path: string): Scenario => ({
  name: `${endpointId}: an ambiguous id prefix is the truncindex error (500)`,
  endpointId,
  setup: SEVENTEEN.map((n) => create(n)),
  request: { method, path: path.replace('ID', AMBIGUOUS) },
  expect: { status: 500, body: { contains: 'Multiple IDs found with provided prefix: ' } },
  source: 'pkg/truncindex/truncindex.go ErrAmbiguousPrefix via daemon.GetContainer',
})

export const containerScenarios: Scenario[] = [
  // ---- GET /containers/json
  {
    name: 'list: no containers is an empty array',
    endpointId: 'ContainerList',
    setup: [],
    request: { method: 'GET', path: '/containers/json' },
    expect: {
      status: 200,
      body: '[]\n',
      headers: { ...JSON_TYPE, server: 'Docker/1.12.6 (linux)' },
    },
    source: 'integration-cli/docker_api_containers_test.go TestContainerApiGetContainersJSONEmpty',
  },
  {
    name: 'list: only running containers without all=1',
    endpointId: 'ContainerList',
    setup: [...running('web'), create('idle')],
    request: { method: 'GET', path: '/containers/json' },
    expect: {
      status: 200,
      body: {
        json: [
          { Id: '{{web}}', Names: ['/web'], State: 'running', Image: 'busybox', Command: 'top' },
        ],
      },
    },
  },
  {
    name: 'list: all=1 also lists created containers, newest first',
    endpointId: 'ContainerList',
    setup: [...running('web'), create('idle')],
    request: { method: 'GET', path: '/containers/json?all=1' },
    expect: {
      status: 200,
      body: {
        json: [{ Names: ['/idle'], State: 'created', Status: 'Created' }, { Names: ['/web'] }],
      },
    },
  },
  {
    name: 'list: an empty `before` filter is a typed 400 from the container lookup',
    endpointId: 'ContainerList',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/json?filters=${encodeURIComponent('{"before":{"":true}}')}`,
    },
    expect: { status: 400, body: err('No container name or ID supplied') },
    source: 'daemon/list.go foldFilter → daemon/container.go GetContainer',
  },
  {
    name: 'list: `before` naming an unknown container is 404',
    endpointId: 'ContainerList',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/json?filters=${encodeURIComponent('{"before":{"nosuch":true}}')}`,
    },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'list: limit=abc is a Go 1.6 strconv error (500)',
    endpointId: 'ContainerList',
    setup: [],
    request: { method: 'GET', path: '/containers/json?limit=abc' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "abc": invalid syntax') },
  },
  {
    name: 'list: malformed filters JSON',
    endpointId: 'ContainerList',
    setup: [],
    request: { method: 'GET', path: '/containers/json?filters=notjson' },
    expect: { status: 500, body: err("invalid character 'o' in literal null (expecting 'u')") },
  },
  {
    name: 'list: unknown filter key',
    endpointId: 'ContainerList',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/json?filters=${encodeURIComponent('{"foo":{"bar":true}}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'foo'") },
  },
  {
    name: 'list: bad status filter value',
    endpointId: 'ContainerList',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/json?filters=${encodeURIComponent('{"status":["bogus"]}')}`,
    },
    expect: { status: 500, body: err('Unrecognised filter value for status: bogus') },
  },
  {
    name: 'list: bad exited filter value',
    endpointId: 'ContainerList',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/json?filters=${encodeURIComponent('{"exited":{"x":true}}')}`,
    },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "x": invalid syntax') },
  },

  // ---- POST /containers/create
  {
    name: 'create: 201 with the new id and null warnings',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create?name=web', body: TOP },
    expect: { status: 201, body: { json: { Warnings: null } } },
  },
  {
    name: 'create: no Content-Type',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: TOP, contentType: null },
    expect: { status: 500, body: err("Content-Type specified () must be 'application/json'") },
    source: 'integration-cli/docker_api_containers_test.go TestContainerApiVerifyHeader',
  },
  {
    name: 'create: wrong Content-Type',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create',
      body: TOP,
      contentType: 'application/xml',
    },
    expect: {
      status: 500,
      body: err("Content-Type specified (application/xml) must be 'application/json'"),
    },
  },
  {
    name: 'create: truncated JSON is `unexpected EOF`',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: '{"Image": "busybox"' },
    expect: { status: 500, body: err('unexpected EOF') },
  },
  {
    name: 'create: empty body is `EOF`',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: '' },
    expect: { status: 500, body: err('EOF') },
  },
  {
    name: 'create: invalid JSON',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: '{bad' },
    expect: {
      status: 500,
      body: err("invalid character 'b' looking for beginning of object key string"),
    },
  },
  {
    name: 'create: {} has no Config',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: {} },
    expect: { status: 500, body: err('Config cannot be empty in order to create a container') },
    source: 'integration-cli/docker_api_create_test.go TestContainerApiCreateEmptyConfig',
  },
  {
    name: 'create: the same error as plain text at /v1.23',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/v1.23/containers/create', body: {} },
    expect: {
      status: 500,
      body: plain('Config cannot be empty in order to create a container'),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
    source: 'integration-cli/docker_api_test.go TestApiErrorPlainText',
  },
  {
    name: 'create: unknown image gets the default tag in the message',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: 'test456' } },
    expect: { status: 404, body: err('No such image: test456:latest') },
    source: 'integration-cli/docker_api_create_test.go TestApiCreateWithNotExistImage',
  },
  {
    name: 'create: unknown image with a tag',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: 'test456:v1' } },
    expect: { status: 404, body: err('No such image: test456:v1') },
  },
  {
    name: 'create: an invalid image reference',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: 'Busybox-BAD' } },
    expect: {
      status: 500,
      body: err('Error parsing reference: "Busybox-BAD" is not a valid repository/tag'),
    },
  },
  {
    name: 'create: name already in use',
    endpointId: 'ContainerCreate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/create?name=web', body: TOP },
    expect: {
      status: 409,
      body: err(
        'Conflict. The name "/web" is already in use by container {{web}}. You have to remove (or rename) that container to be able to reuse that name.',
      ),
    },
  },
  {
    name: 'create: a one-character name is invalid',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create?name=a', body: TOP },
    expect: {
      status: 500,
      body: err('Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'),
    },
  },
  {
    name: 'create: hostile name',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: `/containers/create?name=${encodeURIComponent('<script>')}`,
      body: TOP,
    },
    expect: {
      status: 500,
      body: err('Invalid container name (<script>), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'),
    },
  },
  {
    name: 'create: memory below 4 MB (checked before the image lookup)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create',
      body: { Image: 'nosuchimage', HostConfig: { Memory: 1024 } },
    },
    expect: { status: 500, body: err('Minimum memory limit allowed is 4MB') },
  },
  {
    name: 'create: bad port specification',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create',
      body: { ...TOP, HostConfig: { PortBindings: { 'aa80/tcp': [] } } },
    },
    expect: { status: 500, body: err('Invalid port specification: "aa80"') },
  },
  {
    name: 'create: no command from the request or the image is 400',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: '' } },
    expect: { status: 400, body: err('No command specified') },
    source: 'daemon/daemon.go mergeAndVerifyConfig (keyword "no command")',
  },
  {
    name: 'create: two networking endpoints is a typed 400',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create',
      body: { ...TOP, NetworkingConfig: { EndpointsConfig: { bridge: {}, host: {} } } },
    },
    expect: {
      status: 400,
      body: err('Container cannot be connected to network endpoints: bridge, host'),
    },
  },
  {
    name: 'create: arrays nested 100,000 deep are a type error, not a stack overflow',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: DEEP_ARRAY },
    expect: {
      status: 500,
      body: err(
        'json: cannot unmarshal array into Go value of type runconfig.ContainerConfigWrapper',
      ),
    },
  },
  {
    name: 'create: an unknown field nested 100,000 deep is skipped like any unknown field',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: DEEP_OBJECT },
    expect: { status: 500, body: err('Config cannot be empty in order to create a container') },
  },
  {
    name: 'create: a volume value nested 100,000 deep decodes into struct{} (inner keys dropped)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create?name=deep',
      body: `{"Image":"busybox","Cmd":["top"],"Volumes":{"/data":${DEEP_OBJECT}}}`,
    },
    expect: { status: 201 },
  },
  {
    name: 'create: a truncated deep nesting is `unexpected EOF`',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: '['.repeat(100_000) },
    expect: { status: 500, body: err('unexpected EOF') },
  },
  {
    name: 'create: a field of the wrong JSON type',
    endpointId: 'ContainerCreate',
    setup: [],
    request: { method: 'POST', path: '/containers/create', body: { Image: 'busybox', Tty: 'yes' } },
    expect: { status: 500, body: err('json: cannot unmarshal string into Go value of type bool') },
  },

  // ---- GET /containers/{id}/json
  {
    name: 'inspect: by name',
    endpointId: 'ContainerInspect',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/json' },
    expect: {
      status: 200,
      body: {
        json: {
          Id: '{{web}}',
          Name: '/web',
          State: { Status: 'created', Running: false, Pid: 0 },
          ExecIDs: null,
        },
      },
    },
  },
  {
    name: 'inspect: unknown container',
    endpointId: 'ContainerInspect',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/json' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'inspect: hostile name with ../ is cleaned and redirected by the router',
    endpointId: 'ContainerInspect',
    setup: [],
    request: { method: 'GET', path: '/containers/../etc/json' },
    expect: { status: 301, headers: { location: '/etc/json' } },
    source: 'vendored gorilla/mux Router.ServeHTTP cleanPath',
  },
  {
    name: 'inspect: an ambiguous id prefix is the truncindex error (500)',
    endpointId: 'ContainerInspect',
    setup: SEVENTEEN.map((n) => create(n)),
    request: { method: 'GET', path: `/containers/${AMBIGUOUS}/json` },
    expect: { status: 500, body: { contains: 'Multiple IDs found with provided prefix: ' } },
    source: 'pkg/truncindex/truncindex.go ErrAmbiguousPrefix',
  },
  ambiguousPrefix('ContainerWait', 'POST', '/containers/ID/wait'),
  ambiguousPrefix('ContainerChanges', 'GET', '/containers/ID/changes'),
  ambiguousPrefix('ContainerExport', 'GET', '/containers/ID/export'),
  ambiguousPrefix('ContainerStats', 'GET', '/containers/ID/stats?stream=0'),
  ambiguousPrefix('ContainerGetArchive', 'GET', '/containers/ID/archive?path=/'),

  // ---- GET /containers/{id}/top
  {
    name: 'top: a running container',
    endpointId: 'ContainerTop',
    setup: running('web'),
    request: { method: 'GET', path: '/containers/web/top' },
    expect: {
      status: 200,
      body: { json: { Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'] } },
    },
  },
  {
    name: 'top: unknown container',
    endpointId: 'ContainerTop',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/top' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'top: not running is 500 (errNotRunning has no status in 1.12)',
    endpointId: 'ContainerTop',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/top' },
    expect: { status: 500, body: err('Container {{web}} is not running') },
  },
  {
    name: 'top: a restarting container is 409',
    endpointId: 'ContainerTop',
    setup: crashing('flaky'),
    request: { method: 'GET', path: '/containers/flaky/top' },
    expect: { status: 409, body: RESTARTING('{{flaky}}') },
  },
  {
    name: 'top: forbidden ps_args are refused before the lookup',
    endpointId: 'ContainerTop',
    setup: [],
    request: {
      method: 'GET',
      path: `/containers/nosuch/top?ps_args=${encodeURIComponent('-o x=PID')}`,
    },
    expect: { status: 500, body: err('specifying "x=PID" is not allowed') },
  },

  // ---- GET /containers/{id}/logs
  {
    name: 'logs: multiplexed stdout of a finished container',
    endpointId: 'ContainerLogs',
    setup: [
      create('hello', { Image: 'busybox', Cmd: ['echo', 'hi'] }),
      start('hello'),
      wait('hello'),
    ],
    request: { method: 'GET', path: '/containers/hello/logs?stdout=1' },
    expect: { status: 200, body: '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003hi\n' },
  },
  {
    name: 'logs: raw output for a TTY container',
    endpointId: 'ContainerLogs',
    setup: [create('hello', { Image: 'busybox', Cmd: ['echo', 'hi'], Tty: true }), start('hello')],
    request: { method: 'GET', path: '/containers/hello/logs?stdout=1&stderr=1' },
    // Not multiplexed, and written through the pty, whose ONLCR turns `\n` into `\r\n`.
    expect: { status: 200, body: 'hi\r\n' },
  },
  {
    name: 'logs: no stream chosen is 400, even for an unknown container',
    endpointId: 'ContainerLogs',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/logs' },
    expect: { status: 400, body: err('Bad parameters: you must choose at least one stream') },
    source: 'integration-cli/docker_api_logs_test.go TestLogsApiNoStdoutNorStderr',
  },
  {
    name: 'logs: unknown container',
    endpointId: 'ContainerLogs',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/logs?stdout=1' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
    source: 'integration-cli/docker_api_logs_test.go TestLogsApiContainerNotFound',
  },
  {
    name: 'logs: a bad `since` fails before streaming',
    endpointId: 'ContainerLogs',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/logs?stdout=1&since=abc' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "abc": invalid syntax') },
  },

  // ---- GET /containers/{id}/changes
  {
    name: 'changes: none is null',
    endpointId: 'ContainerChanges',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/changes' },
    expect: { status: 200, body: 'null\n' },
  },
  {
    name: 'changes: unknown container',
    endpointId: 'ContainerChanges',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/changes' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },

  // ---- GET /containers/{id}/export
  {
    name: 'export: a tar of the filesystem',
    endpointId: 'ContainerExport',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/export' },
    expect: { status: 200, headers: { 'content-type': 'application/octet-stream' } },
  },
  {
    name: 'export: unknown container',
    endpointId: 'ContainerExport',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/export' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },

  // ---- GET /containers/{id}/stats
  {
    name: 'stats: stream=0 on a stopped container is an empty stats object',
    endpointId: 'ContainerStats',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/stats?stream=0' },
    expect: {
      status: 200,
      body: { json: { read: '0001-01-01T00:00:00Z', pids_stats: {} } },
      headers: JSON_TYPE,
    },
    source: 'daemon/stats.go ContainerStats',
  },
  {
    name: 'stats: one sample of a running container',
    endpointId: 'ContainerStats',
    setup: running('web'),
    request: { method: 'GET', path: '/containers/web/stats?stream=false' },
    expect: { status: 200, body: { json: { memory_stats: { failcnt: 0 } } } },
  },
  {
    name: 'stats: unknown container',
    endpointId: 'ContainerStats',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/stats?stream=0' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
    source: 'integration-cli/docker_api_stats_test.go TestApiStatsContainerNotFound',
  },

  // ---- POST /containers/{id}/resize
  {
    name: 'resize: running container → 200 with an empty text/plain body',
    endpointId: 'ContainerResize',
    setup: running('web', TTY_SH),
    request: { method: 'POST', path: '/containers/web/resize?h=40&w=80' },
    expect: { status: 200, body: '', headers: { 'content-type': 'text/plain; charset=utf-8' } },
    source: 'integration-cli/docker_api_resize_test.go TestResizeApiResponse',
  },
  {
    name: 'resize: non-integer h is 500 before the lookup',
    endpointId: 'ContainerResize',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/resize?h=foo&w=80' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "foo": invalid syntax') },
    source: 'integration-cli/docker_api_resize_test.go TestResizeApiHeightWidthNoInt',
  },
  {
    name: 'resize: missing w',
    endpointId: 'ContainerResize',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/resize?h=40' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "": invalid syntax') },
  },
  {
    name: 'resize: h beyond int64',
    endpointId: 'ContainerResize',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/resize?h=99999999999999999999&w=80' },
    expect: {
      status: 500,
      body: err('strconv.ParseInt: parsing "99999999999999999999": value out of range'),
    },
  },
  {
    name: 'resize: unknown container',
    endpointId: 'ContainerResize',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/resize?h=40&w=80' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'resize: a created (not started) container is 500',
    endpointId: 'ContainerResize',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/resize?h=40&w=80' },
    expect: { status: 500, body: err('Container {{web}} is not running') },
    source:
      'integration-cli/docker_api_resize_test.go TestResizeApiResponseWhenContainerNotStarted',
  },

  // ---- POST /containers/{id}/start
  {
    name: 'start: 204',
    endpointId: 'ContainerStart',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/start' },
    expect: { status: 204, body: '', headers: { 'content-type': null } },
  },
  {
    name: 'start: already running is 304 with no body',
    endpointId: 'ContainerStart',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/start' },
    expect: { status: 304, body: '' },
    source: 'integration-cli/docker_api_containers_test.go TestContainerApiStart',
  },
  {
    name: 'start: a HostConfig body at 1.24 is 400, before the lookup',
    endpointId: 'ContainerStart',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/start', body: { Privileged: true } },
    expect: {
      status: 400,
      body: err(
        'starting container with HostConfig was deprecated since v1.10 and removed in v1.12',
      ),
    },
  },
  {
    name: 'start: a body of 7 bytes or less is ignored',
    endpointId: 'ContainerStart',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/start', body: 'null' },
    expect: { status: 204 },
  },
  {
    name: 'start: below 1.24 a HostConfig body is still applied',
    endpointId: 'ContainerStart',
    setup: [create('web')],
    request: { method: 'POST', path: '/v1.23/containers/web/start', body: { Privileged: true } },
    expect: { status: 204 },
  },
  {
    name: 'start: unknown container',
    endpointId: 'ContainerStart',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/start' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'start: a paused container',
    endpointId: 'ContainerStart',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/start' },
    expect: { status: 500, body: err('Cannot start a paused container, try unpause instead.') },
  },
  {
    name: 'start: a missing binary is runc\'s error, 404 through "not found"',
    endpointId: 'ContainerStart',
    setup: [create('web', { Image: 'busybox', Cmd: ['foo'] })],
    request: { method: 'POST', path: '/containers/web/start' },
    expect: { status: 404, body: { contains: 'executable file not found in $PATH' } },
    source: 'daemon/start.go (exit code 127)',
  },

  // ---- POST /containers/{id}/stop
  {
    name: 'stop: 204',
    endpointId: 'ContainerStop',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/stop?t=1' },
    expect: { status: 204 },
  },
  {
    name: 'stop: not running is 304',
    endpointId: 'ContainerStop',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/stop' },
    expect: { status: 304, body: '' },
  },
  {
    name: 'stop: unknown container',
    endpointId: 'ContainerStop',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/stop' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'stop: a paused container',
    endpointId: 'ContainerStop',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/stop' },
    expect: {
      status: 500,
      body: err(
        'Cannot stop container web: Container {{web}} is paused. Unpause the container before stopping',
      ),
    },
  },

  {
    name: 'stop: no t is 0 seconds, so a shell that ignores SIGTERM as PID 1 is SIGKILLed at once (137)',
    endpointId: 'ContainerInspect',
    setup: [...running('sh', TTY_SH), stop('sh')],
    request: { method: 'GET', path: '/containers/sh/json' },
    expect: { status: 200, body: { json: { State: { Running: false, ExitCode: 137 } } } },
    source: 'api/server/router/container/container_routes.go (strconv.Atoi of t), daemon/stop.go',
  },

  // ---- NetworkMode / IpcMode container:<id> (how the kubelet builds a pod)
  {
    name: 'start: joining the network of a container that is not running is 409',
    endpointId: 'ContainerStart',
    setup: [
      create('pod', TTY_SH),
      create('app', { ...TOP, HostConfig: { NetworkMode: 'container:pod' } }),
    ],
    request: { method: 'POST', path: '/containers/app/start' },
    expect: { status: 409, body: err('cannot join network of a non running container: pod') },
    source: 'daemon/container_operations.go getNetworkedContainer',
  },
  {
    name: "inspect: a container in another's network and IPC namespaces uses its resolv.conf, hosts and hostname",
    endpointId: 'ContainerInspect',
    setup: [
      ...running('pod', TTY_SH),
      ...running('app', {
        ...TOP,
        HostConfig: { NetworkMode: 'container:{{pod}}', IpcMode: 'container:{{pod}}' },
      }),
    ],
    request: { method: 'GET', path: '/containers/app/json' },
    expect: {
      status: 200,
      body: {
        json: {
          ResolvConfPath: '/var/lib/docker/containers/{{pod}}/resolv.conf',
          HostsPath: '/var/lib/docker/containers/{{pod}}/hosts',
          HostnamePath: '/var/lib/docker/containers/{{pod}}/hostname',
          HostConfig: { NetworkMode: 'container:{{pod}}', IpcMode: 'container:{{pod}}' },
          NetworkSettings: { IPAddress: '', SandboxKey: '' },
        },
      },
    },
    source: 'daemon/container_operations.go initializeNetworking',
  },
  {
    name: 'inspect: a container never started has no resolv.conf, hosts or hostname yet',
    endpointId: 'ContainerInspect',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/json' },
    expect: {
      status: 200,
      body: { json: { ResolvConfPath: '', HostsPath: '', HostnamePath: '' } },
    },
    source:
      'container/container_unix.go BuildHostnameFile, daemon/container_operations.go (set at start)',
  },

  // ---- POST /containers/{id}/restart
  {
    name: 'restart: a stopped container simply starts',
    endpointId: 'ContainerRestart',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/restart' },
    expect: { status: 204 },
  },
  {
    name: 'restart: unknown container',
    endpointId: 'ContainerRestart',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/restart' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'restart: a paused container',
    endpointId: 'ContainerRestart',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/restart' },
    expect: {
      status: 500,
      body: err(
        'Cannot restart container web: Container {{web}} is paused. Unpause the container before stopping',
      ),
    },
  },

  // ---- POST /containers/{id}/kill
  {
    name: 'kill: 204',
    endpointId: 'ContainerKill',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/kill' },
    expect: { status: 204 },
  },
  {
    name: 'kill: unknown container (404 through "no such" in the wrapped message)',
    endpointId: 'ContainerKill',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/kill' },
    expect: { status: 404, body: err('Cannot kill container nosuch: No such container: nosuch') },
  },
  {
    name: 'kill: not running is 500, not 409',
    endpointId: 'ContainerKill',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/kill' },
    expect: {
      status: 500,
      body: err('Cannot kill container web: Container {{web}} is not running'),
    },
    source: 'api/server/router/container/container_routes.go postContainersKill',
  },
  {
    name: 'kill: invalid signal, before the lookup',
    endpointId: 'ContainerKill',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/kill?signal=NOTASIGNAL' },
    expect: { status: 500, body: err('Invalid signal: NOTASIGNAL') },
  },
  {
    name: 'kill: signal number the platform lacks',
    endpointId: 'ContainerKill',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/kill?signal=99' },
    expect: {
      status: 500,
      body: err('Cannot kill container web: The linux daemon does not support signal 99'),
    },
  },

  // ---- POST /containers/{id}/update (API ≥ 1.22)
  {
    name: 'update: 200 with null warnings',
    endpointId: 'ContainerUpdate',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/update', body: { CpuShares: 512 } },
    expect: { status: 200, body: '{"Warnings":null}\n' },
  },
  {
    name: 'update: unknown container',
    endpointId: 'ContainerUpdate',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/update', body: { CpuShares: 512 } },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'update: values are verified before the lookup',
    endpointId: 'ContainerUpdate',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/update', body: { Memory: 1024 } },
    expect: { status: 500, body: err('Minimum memory limit allowed is 4MB') },
  },
  {
    name: 'update: kernel memory of a running container',
    endpointId: 'ContainerUpdate',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/update', body: { KernelMemory: 52428800 } },
    expect: {
      status: 500,
      body: err(
        'Cannot update container {{web}}: Can not update kernel memory to a running container, please stop it first.',
      ),
    },
  },
  {
    name: 'update: a JSON array is not an UpdateConfig',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: '[]' },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal array into Go value of type container.UpdateConfig'),
    },
    source: 'api/server/router/container/container_routes.go postContainerUpdate (json Decode)',
  },
  {
    name: 'update: a JSON string is not an UpdateConfig',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: '"s"' },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal string into Go value of type container.UpdateConfig'),
    },
  },
  {
    name: 'update: arrays nested 100,000 deep are decoded, then refused as an UpdateConfig',
    endpointId: 'ContainerUpdate',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/update', body: DEEP_ARRAY },
    // Go 1.6's decoder has no depth limit (that came in Go 1.15): the value is read whole.
    expect: {
      status: 500,
      body: err('json: cannot unmarshal array into Go value of type container.UpdateConfig'),
    },
  },
  {
    name: 'update: does not exist on a 1.9 daemon (API 1.21)',
    endpointId: 'ContainerUpdate',
    dockerVersion: '1.9.1',
    setup: [],
    request: { method: 'POST', path: '/containers/web/update', body: {} },
    expect: { status: 404, body: plain('page not found') },
  },

  // ---- POST /containers/{id}/rename
  {
    name: 'rename: 204',
    endpointId: 'ContainerRename',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/rename?name=web2' },
    expect: { status: 204 },
  },
  {
    name: 'rename: unknown container',
    endpointId: 'ContainerRename',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/rename?name=web2' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'rename: name taken',
    endpointId: 'ContainerRename',
    setup: [create('web'), create('db')],
    request: { method: 'POST', path: '/containers/web/rename?name=db' },
    expect: {
      status: 409,
      body: err(
        'Error when allocating new name: Conflict. The name "/db" is already in use by container {{db}}. You have to remove (or rename) that container to be able to reuse that name.',
      ),
    },
  },
  {
    name: 'rename: empty new name',
    endpointId: 'ContainerRename',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/rename' },
    expect: { status: 500, body: err('Neither old nor new names may be empty') },
  },
  {
    name: 'rename: same name',
    endpointId: 'ContainerRename',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/rename?name=web' },
    expect: {
      status: 500,
      body: err('Renaming a container with the same name as its current name'),
    },
  },
  {
    name: 'rename: invalid name',
    endpointId: 'ContainerRename',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/rename?name=b%21d' },
    expect: {
      status: 500,
      body: err(
        'Error when allocating new name: Invalid container name (/b!d), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
      ),
    },
  },

  // ---- pause / unpause
  {
    name: 'pause: 204',
    endpointId: 'ContainerPause',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/pause' },
    expect: { status: 204 },
  },
  {
    name: 'pause: unknown container',
    endpointId: 'ContainerPause',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/pause' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'pause: not running',
    endpointId: 'ContainerPause',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/pause' },
    expect: { status: 500, body: err('Container {{web}} is not running') },
  },
  {
    name: 'pause: already paused',
    endpointId: 'ContainerPause',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/pause' },
    expect: { status: 500, body: err('Container {{web}} is already paused') },
  },
  {
    name: 'pause: restarting',
    endpointId: 'ContainerPause',
    setup: crashing('flaky'),
    request: { method: 'POST', path: '/containers/flaky/pause' },
    expect: { status: 409, body: RESTARTING('{{flaky}}') },
  },
  {
    name: 'inspect: a restarting container',
    endpointId: 'ContainerInspect',
    setup: crashing('flaky'),
    request: { method: 'GET', path: '/containers/flaky/json' },
    expect: {
      status: 200,
      body: {
        json: {
          RestartCount: 1,
          State: { Status: 'restarting', Running: true, Restarting: true, Pid: 0, ExitCode: 1 },
        },
      },
    },
  },
  {
    name: 'kill: a restarting container only cancels the restart',
    endpointId: 'ContainerKill',
    setup: crashing('flaky'),
    request: { method: 'POST', path: '/containers/flaky/kill' },
    expect: { status: 204 },
  },
  {
    name: 'resize: a restarting container has no process in containerd',
    endpointId: 'ContainerResize',
    setup: crashing('flaky'),
    request: { method: 'POST', path: '/containers/flaky/resize?h=40&w=80' },
    // libcontainerd dropped the container from its map while it waits to restart
    // (handleEvent → deleteContainer); Resize → getContainer fails untyped → 500.
    expect: { status: 500, body: err('invalid container: {{flaky}}') },
    source:
      'libcontainerd/container_linux.go handleEvent, libcontainerd/client.go getContainer at v1.12.6',
  },
  {
    name: 'unpause: 204',
    endpointId: 'ContainerUnpause',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/unpause' },
    expect: { status: 204 },
  },
  {
    name: 'unpause: unknown container',
    endpointId: 'ContainerUnpause',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/unpause' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'unpause: not paused',
    endpointId: 'ContainerUnpause',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/unpause' },
    expect: { status: 500, body: err('Container {{web}} is not paused') },
  },

  // ---- attach
  {
    name: 'attach: Upgrade: tcp answers 101 and the raw stream',
    endpointId: 'ContainerAttach',
    setup: [create('hello', { Image: 'busybox', Cmd: ['echo', 'hi'] }), start('hello')],
    request: {
      method: 'POST',
      path: '/containers/hello/attach?logs=1&stdout=1',
      headers: { upgrade: 'tcp', connection: 'Upgrade' },
    },
    expect: { status: 101, headers: { 'content-type': 'application/vnd.docker.raw-stream' } },
  },
  {
    name: 'attach: without Upgrade the raw stream comes with 200',
    endpointId: 'ContainerAttach',
    setup: [create('hello', { Image: 'busybox', Cmd: ['echo', 'hi'] }), start('hello')],
    request: { method: 'POST', path: '/containers/hello/attach?logs=1&stdout=1' },
    expect: { status: 200, body: '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003hi\n' },
  },
  {
    name: 'attach: unknown container (status line written on the hijacked connection)',
    endpointId: 'ContainerAttach',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/attach?stdout=1' },
    expect: { status: 404, body: 'No such container: nosuch\r\n' },
  },
  {
    name: 'attach: paused container',
    endpointId: 'ContainerAttach',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/attach?stdout=1' },
    expect: {
      status: 409,
      body: 'Container web is paused. Unpause the container before attach\r\n',
    },
  },
  {
    name: 'attach: invalid detach keys',
    endpointId: 'ContainerAttach',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/attach?stdout=1&detachKeys=ctrl-%3F%3F' },
    expect: { status: 500, body: 'Invalid escape keys (ctrl-??) provided\r\n' },
  },
  {
    name: 'attach/ws: a websocket handshake switches protocols',
    endpointId: 'ContainerAttachWebsocket',
    setup: [create('web')],
    request: {
      method: 'GET',
      path: '/containers/web/attach/ws?logs=1',
      headers: {
        upgrade: 'websocket',
        connection: 'Upgrade',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-version': '13',
      },
    },
    expect: { status: 101 },
  },
  {
    name: 'attach/ws: not a websocket handshake',
    endpointId: 'ContainerAttachWebsocket',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/attach/ws' },
    expect: { status: 400 },
  },
  {
    name: 'attach/ws: unknown container',
    endpointId: 'ContainerAttachWebsocket',
    setup: [],
    request: { method: 'GET', path: '/containers/nosuch/attach/ws' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'attach/ws: paused container',
    endpointId: 'ContainerAttachWebsocket',
    setup: [...running('web'), pause('web')],
    request: { method: 'GET', path: '/containers/web/attach/ws' },
    expect: {
      status: 409,
      body: err('Container web is paused. Unpause the container before attach'),
    },
  },
  {
    name: 'attach/ws: invalid detach keys',
    endpointId: 'ContainerAttachWebsocket',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/attach/ws?detachKeys=ctrl-%3F%3F' },
    expect: { status: 500, body: err('Invalid escape keys (ctrl-??) provided') },
  },

  // ---- wait
  {
    name: 'wait: a finished container returns its exit code',
    endpointId: 'ContainerWait',
    setup: [create('fail', { Image: 'busybox', Cmd: ['sh', '-c', 'exit 3'] }), start('fail')],
    request: { method: 'POST', path: '/containers/fail/wait' },
    expect: { status: 200, body: '{"StatusCode":3}\n' },
  },
  {
    name: 'wait: a never-started container returns 0 at once',
    endpointId: 'ContainerWait',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/wait' },
    expect: { status: 200, body: '{"StatusCode":0}\n' },
  },
  {
    name: 'wait: unknown container',
    endpointId: 'ContainerWait',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/wait' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },

  // ---- DELETE /containers/{id}
  {
    name: 'delete: 204',
    endpointId: 'ContainerDelete',
    setup: [create('web')],
    request: { method: 'DELETE', path: '/containers/web' },
    expect: { status: 204 },
  },
  {
    name: 'delete: empty name',
    endpointId: 'ContainerDelete',
    setup: [],
    request: { method: 'DELETE', path: '/containers/' },
    expect: { status: 400, body: err('No container name or ID supplied') },
    source: 'integration-cli/docker_api_containers_test.go TestContainerApiDeleteWithEmptyName',
  },
  {
    name: 'delete: unknown container',
    endpointId: 'ContainerDelete',
    setup: [],
    request: { method: 'DELETE', path: '/containers/nosuch' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'delete: running without force',
    endpointId: 'ContainerDelete',
    setup: running('web'),
    request: { method: 'DELETE', path: '/containers/web' },
    expect: {
      status: 409,
      body: err(
        'You cannot remove a running container {{web}}. Stop the container before attempting removal or use -f',
      ),
    },
  },
  {
    name: 'delete: link=1 on a container name',
    endpointId: 'ContainerDelete',
    setup: [create('web')],
    request: { method: 'DELETE', path: '/containers/web?link=1' },
    expect: { status: 409, body: err('Conflict, cannot remove the default name of the container') },
  },
  {
    name: 'delete: force on a running container',
    endpointId: 'ContainerDelete',
    setup: running('web'),
    request: { method: 'DELETE', path: '/containers/web?force=1' },
    expect: { status: 204 },
  },
  {
    name: 'delete: force on a paused container cannot kill it',
    endpointId: 'ContainerDelete',
    setup: [...running('web'), pause('web')],
    request: { method: 'DELETE', path: '/containers/web?force=1' },
    expect: {
      status: 500,
      body: err(
        'Could not kill running container {{web}}, cannot remove - Container {{web}} is paused. Unpause the container before stopping',
      ),
    },
  },

  // ---- archive
  {
    name: 'archive HEAD: the stat header',
    endpointId: 'ContainerArchiveHead',
    setup: [create('web')],
    request: { method: 'HEAD', path: '/containers/web/archive?path=/etc' },
    expect: { status: 200 },
  },
  {
    name: 'archive HEAD: a missing path',
    endpointId: 'ContainerArchiveHead',
    setup: [create('web')],
    request: { method: 'HEAD', path: '/containers/web/archive?path=/nosuch' },
    expect: { status: 404 },
  },
  {
    name: 'archive HEAD: unknown container',
    endpointId: 'ContainerArchiveHead',
    setup: [],
    request: { method: 'HEAD', path: '/containers/nosuch/archive?path=/etc' },
    expect: { status: 404 },
  },
  {
    name: 'archive GET: a tar of the path',
    endpointId: 'ContainerGetArchive',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/archive?path=/etc/hosts' },
    expect: { status: 200, headers: { 'content-type': 'application/x-tar' } },
  },
  {
    name: 'archive GET: no path is a bad parameter (400)',
    endpointId: 'ContainerGetArchive',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/archive' },
    expect: { status: 400, body: err("bad parameter: 'path' cannot be empty") },
  },
  {
    name: 'archive GET: a missing path',
    endpointId: 'ContainerGetArchive',
    setup: [create('web')],
    request: { method: 'GET', path: '/containers/web/archive?path=/nosuch' },
    expect: { status: 404, body: { contains: 'no such file or directory' } },
  },
  {
    name: 'archive PUT: extract a tar into a directory',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/tmp',
      body: '',
      contentType: 'application/x-tar',
    },
    expect: { status: 200 },
  },
  {
    name: 'archive PUT: no path',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive',
      body: '',
      contentType: 'application/x-tar',
    },
    expect: { status: 400, body: err("bad parameter: 'path' cannot be empty") },
  },
  {
    name: 'archive PUT: unknown container',
    endpointId: 'ContainerPutArchive',
    setup: [],
    request: {
      method: 'PUT',
      path: '/containers/nosuch/archive?path=/tmp',
      body: '',
      contentType: 'application/x-tar',
    },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'archive PUT: the path is a file',
    endpointId: 'ContainerPutArchive',
    setup: [create('web')],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/etc/hosts',
      body: '',
      contentType: 'application/x-tar',
    },
    expect: { status: 500, body: err('extraction point is not a directory') },
  },
  {
    name: 'archive PUT: read-only root filesystem is 500 in 1.12 (doc: 403)',
    endpointId: 'ContainerPutArchive',
    setup: [create('web', { ...TOP, HostConfig: { ReadonlyRootfs: true } })],
    request: {
      method: 'PUT',
      path: '/containers/web/archive?path=/tmp',
      body: '',
      contentType: 'application/x-tar',
    },
    expect: { status: 500, body: err('container rootfs is marked read-only') },
  },

  // ---- copy (removed at 1.24)
  {
    name: 'copy: removed at API 1.24, a bare 404',
    endpointId: 'ContainerCopy',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/copy', body: { Resource: '/etc/hosts' } },
    // w.WriteHeader(404) alone: Go adds Content-Length: 0 and a sniffed text/plain, never chunked.
    expect: {
      status: 404,
      body: '',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'transfer-encoding': null },
    },
    source: 'api/server/router/container/copy.go postContainersCopy',
  },
  {
    name: 'copy: still works at /v1.23',
    endpointId: 'ContainerCopy',
    setup: [create('web')],
    request: {
      method: 'POST',
      path: '/v1.23/containers/web/copy',
      body: { Resource: '/etc/hosts' },
    },
    expect: { status: 200, headers: { 'content-type': 'application/x-tar' } },
  },
  {
    name: 'copy: /v1.23 with an unknown container is also a bare 404',
    endpointId: 'ContainerCopy',
    setup: [],
    request: {
      method: 'POST',
      path: '/v1.23/containers/nosuch/copy',
      body: { Resource: '/etc/hosts' },
    },
    expect: {
      status: 404,
      body: '',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'transfer-encoding': null },
    },
  },
  {
    name: 'copy: /v1.23 without a resource',
    endpointId: 'ContainerCopy',
    setup: [create('web')],
    request: { method: 'POST', path: '/v1.23/containers/web/copy', body: {} },
    expect: { status: 500, body: plain('Path cannot be empty') },
  },

  // ---- commit
  {
    name: 'commit: 201 with the new image id',
    endpointId: 'ImageCommit',
    setup: [create('web')],
    request: { method: 'POST', path: '/commit?container=web&repo=snapshot&tag=v1' },
    expect: { status: 201, body: { contains: '{"Id":"sha256:' } },
  },
  {
    name: 'commit: unknown container',
    endpointId: 'ImageCommit',
    setup: [],
    request: { method: 'POST', path: '/commit?container=nosuch' },
    expect: { status: 404, body: NO_SUCH('nosuch') },
  },
  {
    name: 'commit: invalid repository',
    endpointId: 'ImageCommit',
    setup: [create('web')],
    request: { method: 'POST', path: '/commit?container=web&repo=Bad' },
    expect: {
      status: 500,
      body: err('Error parsing reference: "Bad" is not a valid repository/tag'),
    },
  },
  {
    name: 'stop then start again works (state machine round trip)',
    endpointId: 'ContainerStart',
    setup: [...running('web'), stop('web')],
    request: { method: 'POST', path: '/containers/web/start' },
    expect: { status: 204 },
  },
]
