import {
  create,
  err,
  execCreate,
  execStartDetached,
  pause,
  running,
  start,
  stop,
  TTY_SH,
} from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Exec endpoints.
 * @see moby api/server/router/container/exec.go, daemon/exec.go, daemon/resize.go at v1.12.6;
 * integration-cli/docker_api_exec_test.go, docker_api_exec_resize_test.go
 */

const NO_EXEC = (x: string) => err(`No such exec instance '${x}' found in daemon`)

export const execScenarios: Scenario[] = [
  // ---- POST /containers/{id}/exec
  {
    name: 'exec create: 201 with a 64-hex id',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: ['true'] } },
    expect: { status: 201, body: { contains: '{"Id":"' } },
  },
  {
    name: 'exec create: no Cmd is 500 ("No exec command specified" has no keyword)',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: null } },
    expect: { status: 500, body: err('No exec command specified') },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiCreateNoCmd',
  },
  {
    name: 'exec create: Cmd as a string is a Go type error (ExecConfig.Cmd is []string)',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: 'ls' } },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal string into Go value of type []string'),
    },
    source:
      'api/server/router/container/exec.go postContainerExecCreate; engine-api types/configs.go ExecConfig',
  },
  {
    name: 'exec create: a non-string Cmd element',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: ['ls', 1] } },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal number into Go value of type string'),
    },
  },
  {
    name: 'exec create: a wrongly typed flag',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: {
      method: 'POST',
      path: '/containers/web/exec',
      body: { Cmd: ['ls'], tty: 'yes' },
    },
    expect: { status: 500, body: err('json: cannot unmarshal string into Go value of type bool') },
  },
  {
    name: 'exec create: a JSON array body',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: { method: 'POST', path: '/containers/web/exec', body: ['ls'] },
    expect: {
      status: 500,
      body: err('json: cannot unmarshal array into Go value of type types.ExecConfig'),
    },
  },
  {
    name: 'container create: Cmd as a string is accepted (strslice.StrSlice)',
    endpointId: 'ContainerCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/containers/create?name=strcmd',
      body: { Image: 'busybox', Cmd: 'ls' },
    },
    expect: { status: 201, body: { contains: '{"Id":"' } },
  },
  {
    name: 'exec create: text/plain body',
    endpointId: 'ContainerExec',
    setup: running('web'),
    request: {
      method: 'POST',
      path: '/containers/web/exec',
      body: { Cmd: ['true'] },
      contentType: 'text/plain',
    },
    expect: {
      status: 500,
      body: err("Content-Type specified (text/plain) must be 'application/json'"),
    },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiCreateNoValidContentType',
  },
  {
    name: 'exec create: unknown container',
    endpointId: 'ContainerExec',
    setup: [],
    request: { method: 'POST', path: '/containers/nosuch/exec', body: { Cmd: ['true'] } },
    expect: { status: 404, body: err('No such container: nosuch') },
  },
  {
    name: 'exec create: container not running is 500',
    endpointId: 'ContainerExec',
    setup: [create('web')],
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: ['true'] } },
    expect: { status: 500, body: err('Container {{web}} is not running') },
  },
  {
    name: 'exec create: paused container is 409 (name as given)',
    endpointId: 'ContainerExec',
    setup: [...running('web'), pause('web')],
    request: { method: 'POST', path: '/containers/web/exec', body: { Cmd: ['true'] } },
    expect: {
      status: 409,
      body: err('Container web is paused, unpause the container before exec'),
    },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiCreateContainerPaused',
  },

  {
    name: 'exec create: restarting container is 409',
    endpointId: 'ContainerExec',
    setup: [
      create('flaky', {
        Image: 'busybox',
        Cmd: ['sh', '-c', 'exit 1'],
        HostConfig: { RestartPolicy: { Name: 'on-failure' } },
      }),
      start('flaky'),
    ],
    request: { method: 'POST', path: '/containers/flaky/exec', body: { Cmd: ['true'] } },
    expect: {
      status: 409,
      body: err('Container {{flaky}} is restarting, wait until the container is running'),
    },
  },

  // ---- POST /exec/{id}/start
  {
    name: 'exec start: detached → 200 with an empty body',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: { status: 200, body: '' },
  },
  {
    name: 'exec start: attached → the multiplexed output',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: {} },
    expect: {
      status: 200,
      body: '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003hi\n',
      headers: { 'content-type': 'application/vnd.docker.raw-stream' },
    },
  },
  {
    name: 'exec start: Upgrade header → 101',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e')],
    request: {
      method: 'POST',
      path: '/exec/{{e}}/start',
      body: {},
      headers: { upgrade: 'tcp', connection: 'Upgrade' },
    },
    expect: { status: 101 },
  },
  {
    name: 'exec start: unknown exec',
    endpointId: 'ExecStart',
    setup: [],
    request: { method: 'POST', path: '/exec/nosuch/start', body: { Detach: true } },
    expect: { status: 404, body: NO_EXEC('nosuch') },
  },
  {
    name: 'exec start: the container stopped (exec unregistered)',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e'), stop('web')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: { status: 404, body: NO_EXEC('{{e}}') },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiStart',
  },
  {
    name: 'exec start: still 404 after the container is restarted',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e'), stop('web'), start('web')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: { status: 404, body: NO_EXEC('{{e}}') },
  },
  {
    name: 'exec start: already ran',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e'), execStartDetached('e')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: { status: 409, body: err('Error: Exec command {{e}} has already run') },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiStartMultipleTimesError',
  },
  {
    name: 'exec start: paused container',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e'), pause('web')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: {
      status: 409,
      body: err('Container {{web}} is paused, unpause the container before exec'),
    },
  },
  {
    name: 'exec start: already running',
    endpointId: 'ExecStart',
    setup: [
      ...running('web'),
      execCreate('web', 'e', { Cmd: ['sleep', '1000'] }),
      execStartDetached('e'),
    ],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: { Detach: true } },
    expect: { status: 500, body: err('Error: Exec command {{e}} is already running') },
  },
  {
    name: 'exec start: empty body is EOF',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e')],
    request: { method: 'POST', path: '/exec/{{e}}/start', body: '' },
    expect: { status: 500, body: err('EOF') },
  },
  {
    name: 'exec start: text/plain accepted at /v1.20',
    endpointId: 'ExecStart',
    setup: [...running('web'), execCreate('web', 'e')],
    request: {
      method: 'POST',
      path: '/v1.20/exec/{{e}}/start',
      body: '{"Detach": true}',
      contentType: 'text/plain',
    },
    expect: { status: 200 },
    source: 'integration-cli/docker_api_exec_test.go TestExecApiStartBackwardsCompatible',
  },

  // ---- POST /exec/{id}/resize
  {
    name: 'exec resize: a started exec → 200 (the doc says 201)',
    endpointId: 'ExecResize',
    setup: [
      ...running('web', TTY_SH),
      execCreate('web', 'e', { Cmd: ['sh'], Tty: true, AttachStdin: true }),
      execStartDetached('e'),
    ],
    request: { method: 'POST', path: '/exec/{{e}}/resize?h=40&w=80' },
    expect: { status: 200, body: '', headers: { 'content-type': 'text/plain; charset=utf-8' } },
    source:
      'api/server/router/container/exec.go postContainerExecResize returns nil without WriteHeader',
  },
  {
    name: 'exec resize: bad h is 500 before the lookup (a container id as exec id)',
    endpointId: 'ExecResize',
    setup: running('web'),
    request: { method: 'POST', path: '/exec/{{web}}/resize?h=foo&w=80' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "foo": invalid syntax') },
    source: 'integration-cli/docker_api_exec_resize_test.go TestExecResizeApiHeightWidthNoInt',
  },
  {
    name: 'exec resize: unknown exec',
    endpointId: 'ExecResize',
    setup: [],
    request: { method: 'POST', path: '/exec/nosuch/resize?h=40&w=80' },
    expect: { status: 404, body: NO_EXEC('nosuch') },
  },
  {
    name: 'exec resize: created but never started → containerd "process not found" (404)',
    endpointId: 'ExecResize',
    setup: [...running('web'), execCreate('web', 'e', { Cmd: ['sh'], Tty: true })],
    request: { method: 'POST', path: '/exec/{{e}}/resize?h=40&w=80' },
    expect: {
      status: 404,
      body: err('rpc error: code = 2 desc = containerd: process not found for container'),
    },
    source: 'libcontainerd/client_linux.go Resize',
  },
  {
    name: 'exec resize: paused container',
    endpointId: 'ExecResize',
    setup: [...running('web'), execCreate('web', 'e'), pause('web')],
    request: { method: 'POST', path: '/exec/{{e}}/resize?h=40&w=80' },
    expect: {
      status: 409,
      body: err('Container {{web}} is paused, unpause the container before exec'),
    },
  },

  // ---- GET /exec/{id}/json
  {
    name: 'exec inspect: a finished exec',
    endpointId: 'ExecInspect',
    setup: [...running('web'), execCreate('web', 'e'), execStartDetached('e')],
    request: { method: 'GET', path: '/exec/{{e}}/json' },
    expect: {
      status: 200,
      body: {
        json: {
          ID: '{{e}}',
          Running: false,
          ExitCode: 0,
          ContainerID: '{{web}}',
          ProcessConfig: { entrypoint: 'echo', arguments: ['hi'] },
        },
      },
    },
  },
  {
    name: 'exec inspect: created, not started: ExitCode null',
    endpointId: 'ExecInspect',
    setup: [...running('web'), execCreate('web', 'e')],
    request: { method: 'GET', path: '/exec/{{e}}/json' },
    expect: { status: 200, body: { json: { Running: false, ExitCode: null } } },
  },
  {
    name: 'exec inspect: unknown exec',
    endpointId: 'ExecInspect',
    setup: [],
    request: { method: 'GET', path: '/exec/nosuch/json' },
    expect: { status: 404, body: NO_EXEC('nosuch') },
  },
  {
    name: 'exec inspect: a finished exec of a stopped container is 500',
    endpointId: 'ExecInspect',
    setup: [...running('web'), execCreate('web', 'e'), execStartDetached('e'), stop('web')],
    request: { method: 'GET', path: '/exec/{{e}}/json' },
    expect: { status: 500, body: { contains: 'Container {{web}} is not running: Exited (' } },
    source: 'daemon/exec.go getExecConfig',
  },
]
