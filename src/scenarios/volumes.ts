import { create, err } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Volumes.
 * @see moby api/server/router/volume, daemon/create.go at v1.12.6
 */

export const volumeScenarios: Scenario[] = [
  {
    name: 'volumes: empty list is null',
    endpointId: 'VolumeList',
    setup: [],
    request: { method: 'GET', path: '/volumes' },
    expect: { status: 200, body: '{"Volumes":null,"Warnings":null}\n' },
  },
  {
    name: 'volumes: bad dangling value',
    endpointId: 'VolumeList',
    setup: [],
    request: {
      method: 'GET',
      path: `/volumes?filters=${encodeURIComponent('{"dangling":["maybe"]}')}`,
    },
    expect: { status: 500, body: err("Invalid filter 'dangling=[maybe]'") },
  },
  {
    name: 'volume create: 201',
    endpointId: 'VolumeCreate',
    setup: [],
    request: { method: 'POST', path: '/volumes/create', body: { Name: 'data' } },
    expect: {
      status: 201,
      body: {
        json: {
          Name: 'data',
          Driver: 'local',
          Mountpoint: '/var/lib/docker/volumes/data/_data',
          Scope: 'local',
        },
      },
    },
  },
  {
    name: 'volume create: invalid name',
    endpointId: 'VolumeCreate',
    setup: [],
    request: { method: 'POST', path: '/volumes/create', body: { Name: '../x' } },
    expect: {
      status: 500,
      body: { contains: 'includes invalid characters for a local volume name' },
    },
  },
  {
    name: 'volume inspect: 200',
    endpointId: 'VolumeInspect',
    setup: [{ method: 'POST', path: '/volumes/create', body: { Name: 'data' }, status: 201 }],
    request: { method: 'GET', path: '/volumes/data' },
    expect: { status: 200, body: { json: { Name: 'data' } } },
  },
  {
    name: 'volume inspect: unknown',
    endpointId: 'VolumeInspect',
    setup: [],
    request: { method: 'GET', path: '/volumes/nosuch' },
    expect: { status: 404, body: err('get nosuch: no such volume') },
  },
  {
    name: 'volume delete: 204',
    endpointId: 'VolumeDelete',
    setup: [{ method: 'POST', path: '/volumes/create', body: { Name: 'data' }, status: 201 }],
    request: { method: 'DELETE', path: '/volumes/data' },
    expect: { status: 204 },
  },
  {
    name: 'volume delete: unknown',
    endpointId: 'VolumeDelete',
    setup: [],
    request: { method: 'DELETE', path: '/volumes/nosuch' },
    expect: { status: 404, body: err('get nosuch: no such volume') },
  },
  {
    name: 'volume delete: in use',
    endpointId: 'VolumeDelete',
    setup: [
      create('web', { Image: 'busybox', Cmd: ['top'], HostConfig: { Binds: ['data:/data'] } }),
    ],
    request: { method: 'DELETE', path: '/volumes/data' },
    expect: {
      status: 409,
      body: err(
        'Unable to remove volume, volume still in use: remove data: volume is in use - [{{web}}]',
      ),
    },
  },
]
