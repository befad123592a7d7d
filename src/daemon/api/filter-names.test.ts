import { afterEach, describe, expect, it } from 'vitest'
import { create, plain, running } from '../../scenarios/helpers.ts'
import {
  deterministicDaemon,
  runScenario,
  type Scenario,
  sendToDaemon,
} from '../../scenarios/index.ts'
import type { SimulatedDaemon } from '../index.ts'

/**
 * Filter names by release: a name a later release added is refused by an older daemon that
 * validated its names (500 `Invalid filter 'x'`, plain text before 1.12), and ignored — the
 * list unfiltered — by one that never looked at it (containers before 1.11, volumes and
 * networks in 1.9, events in every release). Values are in the `["x"]` form, which every
 * release decodes (1.9 read only that one).
 * @see moby daemon/list.go, daemon/images.go (graph/list.go in 1.9),
 *   api/server/router/network/network_routes.go and filter.go, daemon/events/filter.go at
 *   v1.9.1, v1.10.3, v1.11.2, v1.12.6; engine-api types/filters/parse.go Validate
 */

const filters = (json: string) => `filters=${encodeURIComponent(json)}`
const volume = (name: string) => ({
  method: 'POST',
  path: '/volumes/create',
  body: { Name: name },
  status: 201,
})

const scenarios: Scenario[] = [
  // ---- GET /containers/json
  {
    name: 'list: a 1.9 daemon ignores a filter name it does not read (network, 1.12)',
    endpointId: 'ContainerList',
    dockerVersion: '1.9.1',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"network":["none"]}')}` },
    expect: { status: 200, body: { contains: '"Names":["/web"]' } },
    source: 'daemon/list.go foldFilter at v1.9.1: no check of the names',
  },
  {
    name: 'list: a 1.9 daemon ignores the before filter (1.10), even for an unknown container',
    endpointId: 'ContainerList',
    dockerVersion: '1.9.1',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"before":["nosuch"]}')}` },
    expect: { status: 200, body: { contains: '"Names":["/web"]' } },
    source: 'daemon/list.go foldFilter at v1.9.1: before/since are query parameters only',
  },
  {
    name: 'list: a 1.9 daemon applies the name filter it knows',
    endpointId: 'ContainerList',
    dockerVersion: '1.9.1',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"name":["nosuch"]}')}` },
    expect: { status: 200, body: '[]\n' },
    source: 'daemon/list.go includeContainerInList at v1.9.1',
  },
  {
    name: 'list: a 1.10 daemon reads the before filter: an unknown container is 404',
    endpointId: 'ContainerList',
    dockerVersion: '1.10.3',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"before":["nosuch"]}')}` },
    expect: { status: 404, body: plain('No such container: nosuch') },
    source: 'daemon/list.go foldFilter WalkValues("before") at v1.10.3',
  },
  {
    name: 'list: a 1.10 daemon ignores the volume filter (1.11)',
    endpointId: 'ContainerList',
    dockerVersion: '1.10.3',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"volume":["nosuch"]}')}` },
    expect: { status: 200, body: { contains: '"Names":["/web"]' } },
    source: 'daemon/list.go includeContainerInList at v1.10.3: no volume filter, no Validate',
  },
  {
    name: 'list: a 1.11 daemon refuses the network filter (1.12)',
    endpointId: 'ContainerList',
    dockerVersion: '1.11.2',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"network":["bridge"]}')}` },
    expect: { status: 500, body: plain("Invalid filter 'network'") },
    source: 'daemon/list.go acceptedPsFilterTags at v1.11.2',
  },
  {
    name: 'list: a 1.11 daemon applies the volume filter',
    endpointId: 'ContainerList',
    dockerVersion: '1.11.2',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"volume":["nosuch"]}')}` },
    expect: { status: 200, body: '[]\n' },
    source: 'daemon/list.go acceptedPsFilterTags at v1.11.2',
  },
  {
    name: 'list: a 1.12 daemon applies the network filter',
    endpointId: 'ContainerList',
    setup: running('web'),
    request: { method: 'GET', path: `/containers/json?${filters('{"network":["bridge"]}')}` },
    expect: { status: 200, body: { contains: '"Names":["/web"]' } },
    source: 'daemon/list.go acceptedPsFilterTags at v1.12.6',
  },

  // ---- GET /images/json
  ...(['1.9.1', '1.10.3', '1.11.2'] as const).map(
    (dockerVersion): Scenario => ({
      name: `images: a ${dockerVersion} daemon refuses the before filter (1.12)`,
      endpointId: 'ImageList',
      dockerVersion,
      setup: [],
      request: { method: 'GET', path: `/images/json?${filters('{"before":["busybox"]}')}` },
      expect: { status: 500, body: plain("Invalid filter 'before'") },
      source: `acceptedImageFilterTags at v${dockerVersion} (graph/list.go in 1.9, daemon/images.go after)`,
    }),
  ),
  {
    name: 'images: a 1.9 daemon applies the label filter',
    endpointId: 'ImageList',
    dockerVersion: '1.9.1',
    setup: [],
    request: { method: 'GET', path: `/images/json?${filters('{"label":["nosuch"]}')}` },
    expect: { status: 200, body: '[]\n' },
    source: 'graph/list.go acceptedImageFilterTags at v1.9.1',
  },
  {
    name: 'images: a 1.12 daemon accepts the before filter',
    endpointId: 'ImageList',
    setup: [],
    request: { method: 'GET', path: `/images/json?${filters('{"before":["busybox"]}')}` },
    expect: { status: 200 },
    source: 'daemon/images.go acceptedImageFilterTags at v1.12.6',
  },
  {
    name: 'images: a 1.12 daemon answers a /v1.23 request with plain text',
    endpointId: 'ImageList',
    setup: [],
    request: { method: 'GET', path: `/v1.23/images/json?${filters('{"foo":["x"]}')}` },
    expect: { status: 500, body: plain("Invalid filter 'foo'") },
    source: 'api/server/httputils/errors.go MakeErrorHandler at v1.12.6: JSON only above 1.23',
  },

  // ---- GET /volumes
  {
    name: 'volumes: a 1.9 daemon ignores the name filter (1.12)',
    endpointId: 'VolumeList',
    dockerVersion: '1.9.1',
    setup: [volume('data')],
    request: { method: 'GET', path: `/volumes?${filters('{"name":["nosuch"]}')}` },
    expect: { status: 200, body: { contains: '"Name":"data"' } },
    source: 'daemon/list.go Volumes at v1.9.1: reads dangling only',
  },
  ...(['1.10.3', '1.11.2'] as const).map(
    (dockerVersion): Scenario => ({
      name: `volumes: a ${dockerVersion} daemon refuses the name filter (1.12)`,
      endpointId: 'VolumeList',
      dockerVersion,
      setup: [volume('data')],
      request: { method: 'GET', path: `/volumes?${filters('{"name":["data"]}')}` },
      expect: { status: 500, body: plain("Invalid filter 'name'") },
      source: `daemon/list.go acceptedVolumeFilterTags at v${dockerVersion}`,
    }),
  ),
  {
    name: 'volumes: a 1.11 daemon applies the dangling filter',
    endpointId: 'VolumeList',
    dockerVersion: '1.11.2',
    setup: [volume('data'), create('web', { Image: 'busybox', Volumes: { '/v': {} } })],
    request: { method: 'GET', path: `/volumes?${filters('{"dangling":["true"]}')}` },
    expect: { status: 200, body: { contains: '"Name":"data"' } },
    source: 'daemon/list.go acceptedVolumeFilterTags at v1.11.2',
  },
  {
    name: 'volumes: a 1.12 daemon applies the name filter',
    endpointId: 'VolumeList',
    setup: [volume('data'), volume('logs')],
    request: { method: 'GET', path: `/volumes?${filters('{"name":["logs"]}')}` },
    expect: { status: 200, body: { json: { Volumes: [{ Name: 'logs' }] } } },
    source: 'daemon/list.go acceptedVolumeFilterTags at v1.12.6',
  },

  // ---- GET /networks
  {
    name: 'networks: a 1.9 daemon ignores the type filter (1.10)',
    endpointId: 'NetworkList',
    dockerVersion: '1.9.1',
    setup: [],
    request: { method: 'GET', path: `/networks?${filters('{"type":["custom"]}')}` },
    expect: { status: 200, body: { contains: '"Name":"bridge"' } },
    source: 'api/server/router/network/network_routes.go getNetworksList at v1.9.1',
  },
  ...(['1.10.3', '1.11.2'] as const).map(
    (dockerVersion): Scenario => ({
      name: `networks: a ${dockerVersion} daemon refuses the driver filter (1.12)`,
      endpointId: 'NetworkList',
      dockerVersion,
      setup: [],
      request: { method: 'GET', path: `/networks?${filters('{"driver":["bridge"]}')}` },
      expect: { status: 500, body: plain("Invalid filter 'driver'") },
      source: `api/server/router/network/filter.go supportedFilters at v${dockerVersion}`,
    }),
  ),
  {
    name: 'networks: a 1.10 daemon applies the type filter',
    endpointId: 'NetworkList',
    dockerVersion: '1.10.3',
    setup: [],
    request: { method: 'GET', path: `/networks?${filters('{"type":["custom"]}')}` },
    expect: { status: 200, body: '[]\n' },
    source: 'api/server/router/network/filter.go filterNetworkByType at v1.10.3',
  },
  {
    name: 'networks: a 1.12 daemon applies the driver filter',
    endpointId: 'NetworkList',
    setup: [],
    request: { method: 'GET', path: `/networks?${filters('{"driver":["null"]}')}` },
    expect: { status: 200, body: { json: [{ Name: 'none' }] } },
    source: 'api/server/router/network/filter.go AcceptedFilters at v1.12.6',
  },

  // ---- GET /events: past events only (the fixed clock is 1484395200), so the stream ends
  ...(
    [
      ['1.9.1', '{"type":["network"]}', 'ignores the type filter (1.10)', 'create'],
      ['1.10.3', '{"type":["network"]}', 'applies the type filter', ''],
      ['1.11.2', '{"daemon":["nosuch"]}', 'ignores the daemon filter (1.12)', 'create'],
      ['1.12.6', '{"daemon":["nosuch"]}', 'applies the daemon filter', ''],
    ] as const
  ).map(
    ([dockerVersion, json, what, action]): Scenario => ({
      name: `events: a ${dockerVersion} daemon ${what}`,
      endpointId: 'SystemEvents',
      dockerVersion,
      setup: [create('web')],
      request: { method: 'GET', path: `/events?since=0&until=1484395200&${filters(json)}` },
      expect: {
        status: 200,
        body: action === '' ? '' : { contains: `"Action":"${action}"` },
      },
      source: `daemon/events/filter.go Include at v${dockerVersion}; the route never validates names`,
    }),
  ),
]

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})

describe('filter names a release did not know', () => {
  it.each(
    scenarios.map(
      (s) => [`${s.dockerVersion ?? '1.12.6'} ${s.endpointId} — ${s.name}`, s] as const,
    ),
  )('%s', async (_name, s) => {
    const d = deterministicDaemon(s.dockerVersion)
    daemons.push(d)
    const result = await runScenario(s, sendToDaemon(d))
    expect(result.problems).toEqual([])
  })
})
