import { create, err, running } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * System endpoints: ping, version, info, events, auth.
 * @see moby api/server/router/system at v1.12.6
 */

export const systemScenarios: Scenario[] = [
  {
    name: 'ping: OK without newline, sniffed text/plain',
    endpointId: 'SystemPing',
    setup: [],
    request: { method: 'GET', path: '/_ping' },
    expect: {
      status: 200,
      body: 'OK',
      headers: { 'content-type': 'text/plain; charset=utf-8', server: 'Docker/1.12.6 (linux)' },
    },
  },
  {
    name: 'version: ApiVersion 1.24 whatever the prefix',
    endpointId: 'SystemVersion',
    setup: [],
    request: { method: 'GET', path: '/v1.18/version' },
    expect: {
      status: 200,
      body: { json: { Version: '1.12.6', ApiVersion: '1.24', GoVersion: 'go1.6.4', Os: 'linux' } },
    },
    source: 'integration-cli/docker_api_version_test.go TestGetVersion',
  },
  {
    name: 'version: a 1.11.2 daemon speaks API 1.23',
    endpointId: 'SystemVersion',
    dockerVersion: '1.11.2',
    setup: [],
    request: { method: 'GET', path: '/version' },
    expect: {
      status: 200,
      body: { json: { Version: '1.11.2', ApiVersion: '1.23' } },
      headers: { server: 'Docker/1.11.2 (linux)' },
    },
  },
  {
    name: 'info: counts',
    endpointId: 'SystemInfo',
    setup: [...running('web'), create('idle')],
    request: { method: 'GET', path: '/info' },
    expect: {
      status: 200,
      body: {
        json: {
          Containers: 2,
          ContainersRunning: 1,
          ContainersStopped: 1,
          Images: 3,
          ServerVersion: '1.12.6',
          OSType: 'linux',
        },
      },
    },
    source: 'integration-cli/docker_api_info_test.go TestInfoApi',
  },
  {
    name: 'events: past events only (until in the past)',
    endpointId: 'SystemEvents',
    setup: [],
    request: { method: 'GET', path: '/events?since=0&until=1' },
    expect: { status: 200, body: '', headers: { 'content-type': 'application/json' } },
  },
  {
    name: 'events: since after until is a typed 400',
    endpointId: 'SystemEvents',
    setup: [],
    request: { method: 'GET', path: '/events?since=10&until=5' },
    expect: { status: 400, body: err('`since` time (10) cannot be after `until` time (5)') },
  },
  {
    name: 'events: malformed filters',
    endpointId: 'SystemEvents',
    setup: [],
    request: { method: 'GET', path: '/events?filters=notjson' },
    expect: { status: 500, body: err("invalid character 'o' in literal null (expecting 'u')") },
  },
  {
    name: 'events: a bad since',
    endpointId: 'SystemEvents',
    setup: [],
    request: { method: 'GET', path: '/events?since=yesterday' },
    expect: { status: 500, body: err('strconv.ParseInt: parsing "yesterday": invalid syntax') },
  },
  {
    name: 'auth: login succeeded',
    endpointId: 'SystemAuth',
    setup: [],
    request: {
      method: 'POST',
      path: '/auth',
      body: { username: 'u', password: 'p', serveraddress: 'https://index.docker.io/v1/' },
    },
    expect: { status: 200, body: '{"Status":"Login Succeeded","IdentityToken":""}\n' },
  },
  {
    name: 'auth: rejected credentials (401 through "unauthorized")',
    endpointId: 'SystemAuth',
    setup: [],
    request: { method: 'POST', path: '/auth', body: { username: 'u', password: 'wrong' } },
    expect: {
      status: 401,
      body: err(
        'login attempt to https://registry-1.docker.io/v2/ failed with status: 401 Unauthorized',
      ),
    },
  },
  {
    name: 'auth: empty body',
    endpointId: 'SystemAuth',
    setup: [],
    request: { method: 'POST', path: '/auth', body: '' },
    expect: { status: 500, body: err('EOF') },
  },
]
