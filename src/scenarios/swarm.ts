import { err, seventeen, sharedPrefixOf, swarmInit } from './helpers.ts'
import type { Scenario, ScenarioStep } from './types.ts'

/**
 * Swarm mode: the swarm, nodes, services and tasks.
 * @see moby api/server/router/swarm, daemon/cluster at v1.12.6
 */

const NO_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'

const svc = (name: string, image = 'nginx') => ({
  Name: name,
  TaskTemplate: { ContainerSpec: { Image: image } },
  Mode: { Replicated: { Replicas: 2 } },
})

/** A swarm with seventeen services, their ids captured under their names (an ambiguous prefix). */
const SEVENTEEN_SERVICES: ScenarioStep[] = [
  swarmInit,
  ...seventeen('s').map((name) => ({
    method: 'POST',
    path: '/services/create',
    body: svc(name),
    status: 201,
    capture: { [name]: 'ID' },
  })),
]

/**
 * Every swarm-mode endpoint but init and join answers 406 on a node outside a swarm, with one
 * message (daemon/cluster/cluster.go errNoManager). One row per endpoint: label, operationId,
 * method, path, and whether the request carries a JSON body.
 */
const NOT_A_MANAGER: readonly [string, string, 'GET' | 'POST' | 'DELETE', string, boolean?][] = [
  ['swarm update', 'SwarmUpdate', 'POST', '/swarm/update?version=1', true],
  ['nodes', 'NodeList', 'GET', '/nodes'],
  ['node inspect', 'NodeInspect', 'GET', '/nodes/x'],
  ['node delete', 'NodeDelete', 'DELETE', '/nodes/x'],
  ['node update', 'NodeUpdate', 'POST', '/nodes/x/update?version=1', true],
  ['services', 'ServiceList', 'GET', '/services'],
  ['service inspect', 'ServiceInspect', 'GET', '/services/web'],
  ['service delete', 'ServiceDelete', 'DELETE', '/services/web'],
  ['tasks', 'TaskList', 'GET', '/tasks'],
  ['task inspect', 'TaskInspect', 'GET', '/tasks/x'],
]

const notAManagerScenarios: Scenario[] = NOT_A_MANAGER.map(
  ([label, endpointId, method, path, body]) => ({
    name: `${label}: not a manager`,
    endpointId,
    setup: [],
    request: body ? { method, path, body: {} } : { method, path },
    expect: { status: 406, body: err(NO_MANAGER) },
  }),
)

export const swarmScenarios: Scenario[] = [
  ...notAManagerScenarios,
  {
    name: 'swarm inspect: not in a swarm',
    endpointId: 'SwarmInspect',
    setup: [],
    request: { method: 'GET', path: '/swarm' },
    expect: { status: 406, body: err(NO_MANAGER) },
  },
  {
    name: 'swarm inspect: after init',
    endpointId: 'SwarmInspect',
    setup: [swarmInit],
    request: { method: 'GET', path: '/swarm' },
    expect: { status: 200, body: { json: { Spec: { Name: 'default' } } } },
  },
  {
    name: 'swarm init: the node id as a JSON string',
    endpointId: 'SwarmInit',
    setup: [],
    request: { method: 'POST', path: '/swarm/init', body: { ListenAddr: '0.0.0.0:2377' } },
    expect: { status: 200, body: { contains: '"' } },
  },
  {
    name: 'swarm init: already part of a swarm',
    endpointId: 'SwarmInit',
    setup: [swarmInit],
    request: { method: 'POST', path: '/swarm/init', body: { ListenAddr: '0.0.0.0:2377' } },
    expect: {
      status: 406,
      body: err(
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
      ),
    },
  },
  {
    name: 'swarm init: empty ListenAddr',
    endpointId: 'SwarmInit',
    setup: [],
    request: { method: 'POST', path: '/swarm/init', body: {} },
    expect: { status: 500, body: err('invalid ListenAddr "": invalid empty address') },
  },
  {
    name: 'swarm join: already part of a swarm',
    endpointId: 'SwarmJoin',
    setup: [swarmInit],
    request: {
      method: 'POST',
      path: '/swarm/join',
      body: { ListenAddr: '0.0.0.0:2377', RemoteAddrs: ['10.0.0.1:2377'] },
    },
    expect: {
      status: 406,
      body: err(
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
      ),
    },
  },
  {
    name: 'swarm join: no remote address',
    endpointId: 'SwarmJoin',
    setup: [],
    request: { method: 'POST', path: '/swarm/join', body: { ListenAddr: '0.0.0.0:2377' } },
    expect: { status: 500, body: err('at least 1 RemoteAddr is required to join') },
  },
  {
    name: 'swarm leave: not in a swarm',
    endpointId: 'SwarmLeave',
    setup: [],
    request: { method: 'POST', path: '/swarm/leave' },
    expect: { status: 406, body: err('This node is not part of a swarm') },
  },
  {
    name: 'swarm leave: force',
    endpointId: 'SwarmLeave',
    setup: [swarmInit],
    request: { method: 'POST', path: '/swarm/leave?force=1' },
    expect: { status: 200 },
  },
  {
    name: 'swarm leave: the last manager without force',
    endpointId: 'SwarmLeave',
    setup: [swarmInit],
    request: { method: 'POST', path: '/swarm/leave' },
    expect: {
      status: 500,
      body: err(
        'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ',
      ),
    },
  },
  {
    name: 'swarm update: 200',
    endpointId: 'SwarmUpdate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/swarm/update?version=11', body: { Name: 'default' } },
    expect: { status: 200 },
  },
  {
    name: 'swarm update: missing version',
    endpointId: 'SwarmUpdate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/swarm/update', body: {} },
    expect: {
      status: 500,
      body: err(`Invalid swarm version '': strconv.ParseUint: parsing "": invalid syntax`),
    },
  },
  {
    name: 'nodes: this node',
    endpointId: 'NodeList',
    setup: [swarmInit],
    request: { method: 'GET', path: '/nodes' },
    expect: { status: 200, body: { json: [{ ID: '{{node}}', Spec: { Role: 'manager' } }] } },
  },
  {
    name: 'nodes: malformed filters',
    endpointId: 'NodeList',
    setup: [swarmInit],
    request: { method: 'GET', path: '/nodes?filters=notjson' },
    expect: { status: 500, body: err("invalid character 'o' in literal null (expecting 'u')") },
  },
  {
    name: 'node inspect: 200',
    endpointId: 'NodeInspect',
    setup: [swarmInit],
    request: { method: 'GET', path: '/nodes/{{node}}' },
    expect: { status: 200, body: { json: { ID: '{{node}}' } } },
  },
  {
    name: 'node inspect: unknown',
    endpointId: 'NodeInspect',
    setup: [swarmInit],
    request: { method: 'GET', path: '/nodes/nosuch' },
    expect: { status: 404, body: err('node nosuch not found') },
  },
  {
    name: 'node delete: unknown',
    endpointId: 'NodeDelete',
    setup: [swarmInit],
    request: { method: 'DELETE', path: '/nodes/nosuch' },
    expect: { status: 404, body: err('node nosuch not found') },
  },
  {
    name: 'node delete: the only manager',
    endpointId: 'NodeDelete',
    setup: [swarmInit],
    request: { method: 'DELETE', path: '/nodes/{{node}}' },
    expect: {
      status: 500,
      body: { contains: 'is a cluster manager and is a member of the raft cluster' },
    },
  },
  {
    name: 'node update: 200',
    endpointId: 'NodeUpdate',
    setup: [swarmInit],
    request: {
      method: 'POST',
      path: '/nodes/{{node}}/update?version=10',
      body: { Role: 'manager', Availability: 'active' },
    },
    expect: { status: 200 },
  },
  {
    name: 'node update: unknown',
    endpointId: 'NodeUpdate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/nodes/nosuch/update?version=10', body: {} },
    expect: { status: 404, body: err('node nosuch not found') },
  },
  {
    name: 'node update: missing version',
    endpointId: 'NodeUpdate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/nodes/{{node}}/update', body: {} },
    expect: {
      status: 500,
      body: err(`Invalid node version '': strconv.ParseUint: parsing "": invalid syntax`),
    },
  },
  {
    name: 'services: empty list',
    endpointId: 'ServiceList',
    setup: [swarmInit],
    request: { method: 'GET', path: '/services' },
    expect: { status: 200, body: '[]\n' },
  },
  {
    name: 'services: unknown filter',
    endpointId: 'ServiceList',
    setup: [swarmInit],
    request: {
      method: 'GET',
      path: `/services?filters=${encodeURIComponent('{"foo":{"x":true}}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'foo'") },
  },
  {
    name: 'service create: 201',
    endpointId: 'ServiceCreate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/services/create', body: svc('web') },
    expect: { status: 201, body: { contains: '{"ID":"' } },
  },
  {
    name: 'service create: a local network is 403',
    endpointId: 'ServiceCreate',
    setup: [swarmInit],
    request: {
      method: 'POST',
      path: '/services/create',
      body: { ...svc('web'), Networks: [{ Target: 'bridge' }] },
    },
    expect: { status: 403, body: err('network bridge is not eligible for docker services') },
  },
  {
    name: 'service create: not a manager',
    endpointId: 'ServiceCreate',
    setup: [],
    request: { method: 'POST', path: '/services/create', body: svc('web') },
    expect: { status: 406, body: err(NO_MANAGER) },
  },
  {
    name: 'service create: name taken',
    endpointId: 'ServiceCreate',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: { method: 'POST', path: '/services/create', body: svc('web') },
    expect: {
      status: 409,
      body: err('rpc error: code = 2 desc = name conflicts with an existing object'),
    },
  },
  {
    name: 'service create: no image',
    endpointId: 'ServiceCreate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/services/create', body: { Name: 'web' } },
    expect: {
      status: 500,
      body: err('rpc error: code = 3 desc = ContainerSpec: image reference must be provided'),
    },
  },
  {
    name: 'service inspect: by name',
    endpointId: 'ServiceInspect',
    setup: [
      swarmInit,
      {
        method: 'POST',
        path: '/services/create',
        body: svc('web'),
        status: 201,
        capture: { s: 'ID' },
      },
    ],
    request: { method: 'GET', path: '/services/web' },
    expect: { status: 200, body: { json: { ID: '{{s}}', Spec: { Name: 'web' } } } },
  },
  {
    name: 'service inspect: unknown',
    endpointId: 'ServiceInspect',
    setup: [swarmInit],
    request: { method: 'GET', path: '/services/nosuch' },
    expect: { status: 404, body: err('service nosuch not found') },
  },
  {
    name: 'service inspect: ambiguous id prefix',
    endpointId: 'ServiceInspect',
    setup: SEVENTEEN_SERVICES,
    request: { method: 'GET', path: `/services/${sharedPrefixOf(seventeen('s'))}` },
    expect: { status: 500, body: { contains: 'is ambiguous' } },
  },
  {
    name: 'service update: 200',
    endpointId: 'ServiceUpdate',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: {
      method: 'POST',
      path: '/services/web/update?version=12',
      body: svc('web', 'nginx:1.11'),
    },
    expect: { status: 200 },
  },
  {
    name: 'service update: unknown',
    endpointId: 'ServiceUpdate',
    setup: [swarmInit],
    request: { method: 'POST', path: '/services/nosuch/update?version=1', body: svc('nosuch') },
    expect: { status: 404, body: err('service nosuch not found') },
  },
  {
    name: 'service update: not a manager',
    endpointId: 'ServiceUpdate',
    setup: [],
    request: { method: 'POST', path: '/services/web/update?version=1', body: svc('web') },
    expect: { status: 406, body: err(NO_MANAGER) },
  },
  {
    name: 'service update: a local network is 403',
    endpointId: 'ServiceUpdate',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: {
      method: 'POST',
      path: '/services/web/update?version=12',
      body: { ...svc('web'), Networks: [{ Target: 'bridge' }] },
    },
    expect: { status: 403, body: err('network bridge is not eligible for docker services') },
    source:
      'daemon/cluster/cluster.go UpdateService → populateNetworkID (errors.NewRequestForbiddenError) at v1.12.6',
  },
  {
    name: 'service update: out of sequence',
    endpointId: 'ServiceUpdate',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: { method: 'POST', path: '/services/web/update?version=1', body: svc('web') },
    expect: { status: 500, body: err('rpc error: code = 2 desc = update out of sequence') },
  },
  {
    name: 'service delete: 200',
    endpointId: 'ServiceDelete',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: { method: 'DELETE', path: '/services/web' },
    expect: { status: 200 },
  },
  {
    name: 'service delete: unknown',
    endpointId: 'ServiceDelete',
    setup: [swarmInit],
    request: { method: 'DELETE', path: '/services/nosuch' },
    expect: { status: 404, body: err('service nosuch not found') },
  },
  {
    name: 'service delete: ambiguous id prefix',
    endpointId: 'ServiceDelete',
    setup: SEVENTEEN_SERVICES,
    request: { method: 'DELETE', path: `/services/${sharedPrefixOf(seventeen('s'))}` },
    expect: { status: 500, body: { contains: 'is ambiguous' } },
  },
  {
    name: 'tasks: two replicas',
    endpointId: 'TaskList',
    setup: [swarmInit, { method: 'POST', path: '/services/create', body: svc('web'), status: 201 }],
    request: { method: 'GET', path: '/tasks' },
    expect: { status: 200, body: { json: [{ Slot: 1, DesiredState: 'running' }, { Slot: 2 }] } },
  },
  {
    name: 'tasks: unknown filter',
    endpointId: 'TaskList',
    setup: [swarmInit],
    request: { method: 'GET', path: `/tasks?filters=${encodeURIComponent('{"foo":{"x":true}}')}` },
    expect: { status: 500, body: err("Invalid filter 'foo'") },
  },
  {
    name: 'task inspect: 200',
    endpointId: 'TaskInspect',
    setup: [
      swarmInit,
      { method: 'POST', path: '/services/create', body: svc('web'), status: 201 },
      { method: 'GET', path: '/tasks', status: 200, capture: { task: '0.ID' } },
    ],
    request: { method: 'GET', path: '/tasks/{{task}}' },
    expect: { status: 200, body: { json: { ID: '{{task}}', Status: { State: 'running' } } } },
  },
  {
    name: 'task inspect: unknown',
    endpointId: 'TaskInspect',
    setup: [swarmInit],
    request: { method: 'GET', path: '/tasks/nosuch' },
    expect: { status: 404, body: err('task nosuch not found') },
  },
  {
    name: 'task inspect: ambiguous id prefix',
    endpointId: 'TaskInspect',
    setup: [
      swarmInit,
      {
        method: 'POST',
        path: '/services/create',
        body: { ...svc('web'), Mode: { Replicated: { Replicas: 17 } } },
        status: 201,
      },
      { method: 'GET', path: '/tasks', status: 200, capture: { tasks: '*.ID' } },
    ],
    request: { method: 'GET', path: '/tasks/{{sharedPrefix:tasks}}' },
    expect: { status: 500, body: { contains: 'is ambiguous' } },
  },
]
