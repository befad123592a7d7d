import { err, plain } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Routing and version negotiation: paths, methods, the /vX.Y prefix.
 * @see moby api/server/server.go, api/server/middleware/version.go at v1.12.6
 */

export const routerScenarios: Scenario[] = [
  {
    name: 'version prefix newer than the daemon: 400 JSON, no Server header',
    endpointId: 'SystemPing',
    setup: [],
    request: { method: 'GET', path: '/v1.99/_ping' },
    expect: {
      status: 400,
      body: err('client is newer than server (client API version: 1.99, server API version: 1.24)'),
      headers: { server: null, 'content-type': 'application/json' },
    },
    source: 'integration-cli/docker_api_test.go TestApiClientVersionNewerThanServer',
  },
  {
    name: 'version prefix older than 1.12: 400 plain text',
    endpointId: 'SystemPing',
    setup: [],
    request: { method: 'GET', path: '/v1.11/_ping' },
    expect: {
      status: 400,
      body: plain(
        'client version 1.11 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version',
      ),
      headers: { server: null, 'content-type': 'text/plain; charset=utf-8' },
    },
    source: 'integration-cli/docker_api_test.go TestApiClientVersionOldNotSupported',
  },
  {
    name: 'version prefix 1.12 is accepted',
    endpointId: 'SystemPing',
    setup: [],
    request: { method: 'GET', path: '/v1.12/_ping' },
    expect: { status: 200, body: 'OK' },
  },
  {
    name: '/v1.25 against a 1.11.2 daemon (API 1.23): plain text, the older daemon had no JSON errors',
    endpointId: 'SystemVersion',
    dockerVersion: '1.11.2',
    setup: [],
    request: { method: 'GET', path: '/v1.24/version' },
    expect: {
      status: 400,
      body: plain(
        'client is newer than server (client API version: 1.24, server API version: 1.23)',
      ),
    },
  },
  {
    name: '/vabc/ is not a version: 404',
    endpointId: 'Router',
    setup: [],
    request: { method: 'GET', path: '/vabc/_ping' },
    expect: { status: 404, body: err('page not found') },
  },
  {
    name: 'unknown path with a too-new version: 404, the catch-all skips the version check',
    endpointId: 'Router',
    setup: [],
    request: { method: 'GET', path: '/v1.99/nosuchpath' },
    expect: { status: 404, body: err('page not found'), headers: { server: null } },
  },
  {
    name: 'unknown path: JSON 404',
    endpointId: 'Router',
    setup: [],
    request: { method: 'GET', path: '/notfound' },
    expect: {
      status: 404,
      body: err('page not found'),
      headers: { 'content-type': 'application/json' },
    },
    source: 'integration-cli/docker_api_test.go TestApiErrorNotFoundJSON',
  },
  {
    name: 'unknown path at /v1.23: plain-text 404',
    endpointId: 'Router',
    setup: [],
    request: { method: 'GET', path: '/v1.23/notfound' },
    expect: {
      status: 404,
      body: plain('page not found'),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
    source: 'integration-cli/docker_api_test.go TestApiErrorNotFoundPlainText',
  },
  {
    name: 'wrong method: 404 (gorilla/mux of 1.12 has no 405)',
    endpointId: 'Router',
    setup: [],
    request: { method: 'DELETE', path: '/_ping' },
    expect: { status: 404, body: err('page not found') },
  },
  {
    name: 'OPTIONS on any route: 200, empty',
    endpointId: 'Router',
    setup: [],
    request: { method: 'OPTIONS', path: '/containers/json' },
    expect: { status: 200, body: '' },
    source: 'integration-cli/docker_api_test.go TestApiOptionsRoute',
  },
  {
    name: 'swarm routes do not exist on a 1.11.2 daemon',
    endpointId: 'SwarmInspect',
    dockerVersion: '1.11.2',
    setup: [],
    request: { method: 'GET', path: '/swarm' },
    expect: { status: 404, body: plain('page not found') },
  },
]
