import { create, err, seventeen, sharedPrefixOf, swarmInit } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Networks.
 * @see moby api/server/router/network at v1.12.6
 */

export const networkScenarios: Scenario[] = [
  {
    name: 'networks: bridge, host and none',
    endpointId: 'NetworkList',
    setup: [],
    request: { method: 'GET', path: '/networks' },
    expect: {
      status: 200,
      body: { json: [{ Name: 'bridge' }, { Name: 'host' }, { Name: 'none' }] },
    },
  },
  {
    name: 'networks: unknown filter',
    endpointId: 'NetworkList',
    setup: [],
    request: {
      method: 'GET',
      path: `/networks?filters=${encodeURIComponent('{"foo":{"x":true}}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'foo'") },
  },
  {
    name: 'network inspect: bridge',
    endpointId: 'NetworkInspect',
    setup: [],
    request: { method: 'GET', path: '/networks/bridge' },
    expect: { status: 200, body: { json: { Name: 'bridge', Driver: 'bridge', Scope: 'local' } } },
  },
  {
    name: 'network inspect: unknown',
    endpointId: 'NetworkInspect',
    setup: [],
    request: { method: 'GET', path: '/networks/nosuch' },
    expect: { status: 404, body: err('network nosuch not found') },
  },
  {
    name: 'network inspect: an ambiguous id prefix (libnetwork ErrInvalidID, 500)',
    endpointId: 'NetworkInspect',
    setup: seventeen('n').map((name) => ({
      method: 'POST',
      path: '/networks/create',
      body: { Name: name },
      status: 201,
      capture: { [name]: 'Id' },
    })),
    request: { method: 'GET', path: `/networks/${sharedPrefixOf(seventeen('n'))}` },
    expect: { status: 500, body: { contains: '{"message":"invalid id: ' } },
    source: 'daemon/network.go GetNetworkByID',
  },
  {
    name: 'network create: 201',
    endpointId: 'NetworkCreate',
    setup: [],
    request: { method: 'POST', path: '/networks/create', body: { Name: 'backend' } },
    expect: { status: 201, body: { json: { Warning: '' } } },
  },
  {
    name: 'network create: unknown driver plugin',
    endpointId: 'NetworkCreate',
    setup: [],
    request: {
      method: 'POST',
      path: '/networks/create',
      body: { Name: 'backend', Driver: 'weave' },
    },
    expect: { status: 404, body: err('plugin not found') },
  },
  {
    name: 'network create: pre-defined name is 403',
    endpointId: 'NetworkCreate',
    setup: [],
    request: { method: 'POST', path: '/networks/create', body: { Name: 'host' } },
    expect: { status: 403, body: err('host is a pre-defined network and cannot be created') },
  },
  {
    name: 'network create: duplicate with CheckDuplicate',
    endpointId: 'NetworkCreate',
    setup: [{ method: 'POST', path: '/networks/create', body: { Name: 'backend' }, status: 201 }],
    request: {
      method: 'POST',
      path: '/networks/create',
      body: { Name: 'backend', CheckDuplicate: true },
    },
    expect: { status: 500, body: err('network with name backend already exists') },
  },
  {
    name: 'network connect: 200',
    endpointId: 'NetworkConnect',
    setup: [
      { method: 'POST', path: '/networks/create', body: { Name: 'backend' }, status: 201 },
      create('web'),
    ],
    request: { method: 'POST', path: '/networks/backend/connect', body: { Container: 'web' } },
    expect: { status: 200, body: '' },
  },
  {
    name: 'network connect: a swarm-scoped network is 403',
    endpointId: 'NetworkConnect',
    setup: [swarmInit, create('web')],
    request: { method: 'POST', path: '/networks/ingress/connect', body: { Container: 'web' } },
    expect: { status: 403, body: err('operation not supported for swarm scoped networks') },
  },
  {
    name: 'network connect: unknown network',
    endpointId: 'NetworkConnect',
    setup: [create('web')],
    request: { method: 'POST', path: '/networks/nosuch/connect', body: { Container: 'web' } },
    expect: { status: 404, body: err('network nosuch not found') },
  },
  {
    name: 'network connect: host network',
    endpointId: 'NetworkConnect',
    setup: [create('web')],
    request: { method: 'POST', path: '/networks/host/connect', body: { Container: 'web' } },
    expect: {
      status: 500,
      body: err('container cannot be disconnected from host network or connected to host network'),
    },
  },
  {
    name: 'network disconnect: 200',
    endpointId: 'NetworkDisconnect',
    setup: [create('web')],
    request: { method: 'POST', path: '/networks/bridge/disconnect', body: { Container: 'web' } },
    expect: { status: 200 },
  },
  {
    name: 'network disconnect: a swarm-scoped network is 403',
    endpointId: 'NetworkDisconnect',
    setup: [swarmInit, create('web')],
    request: { method: 'POST', path: '/networks/ingress/disconnect', body: { Container: 'web' } },
    expect: { status: 403, body: err('operation not supported for swarm scoped networks') },
  },
  {
    name: 'network disconnect: unknown container',
    endpointId: 'NetworkDisconnect',
    setup: [],
    request: { method: 'POST', path: '/networks/bridge/disconnect', body: { Container: 'nosuch' } },
    expect: { status: 404, body: err('No such container: nosuch') },
  },
  {
    name: 'network disconnect: not connected',
    endpointId: 'NetworkDisconnect',
    setup: [
      { method: 'POST', path: '/networks/create', body: { Name: 'backend' }, status: 201 },
      create('web'),
    ],
    request: { method: 'POST', path: '/networks/backend/disconnect', body: { Container: 'web' } },
    expect: { status: 500, body: err('container {{web}} is not connected to the network backend') },
  },
  {
    name: 'network delete: 204',
    endpointId: 'NetworkDelete',
    setup: [{ method: 'POST', path: '/networks/create', body: { Name: 'backend' }, status: 201 }],
    request: { method: 'DELETE', path: '/networks/backend' },
    expect: { status: 204 },
  },
  {
    name: 'network delete: pre-defined',
    endpointId: 'NetworkDelete',
    setup: [],
    request: { method: 'DELETE', path: '/networks/bridge' },
    expect: { status: 403, body: err('bridge is a pre-defined network and cannot be removed') },
  },
  {
    name: 'network delete: unknown',
    endpointId: 'NetworkDelete',
    setup: [],
    request: { method: 'DELETE', path: '/networks/nosuch' },
    expect: { status: 404, body: err('network nosuch not found') },
  },
  {
    name: 'network delete: active endpoints',
    endpointId: 'NetworkDelete',
    setup: [
      { method: 'POST', path: '/networks/create', body: { Name: 'backend' }, status: 201 },
      create('web', { Image: 'busybox', Cmd: ['top'], HostConfig: { NetworkMode: 'backend' } }),
      { method: 'POST', path: '/containers/web/start', status: 204 },
    ],
    request: { method: 'DELETE', path: '/networks/backend' },
    expect: { status: 500, body: err('network backend has active endpoints') },
  },
]
