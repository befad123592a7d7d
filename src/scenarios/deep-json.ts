import { swarmInit } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * JSON nested far deeper than any Go type of the API: Go 1.6's decoder reads it (no depth limit
 * before Go 1.15) and either reports a type error at the first level that does not fit or drops
 * it as an unknown field. Nothing of it may overflow a JavaScript stack later, when the stored
 * value is listed, inspected or snapshotted.
 * @see src/daemon/json.ts decodeJSON
 */

const DEEP_OBJECT = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`

export const deepJsonScenarios: Scenario[] = [
  {
    name: 'services: an unknown field nested 100,000 deep does not break the list',
    endpointId: 'ServiceList',
    setup: [
      swarmInit,
      {
        method: 'POST',
        path: '/services/create',
        body: `{"Name":"web","TaskTemplate":{"ContainerSpec":{"Image":"nginx"}},"X":${DEEP_OBJECT}}`,
        status: 201,
      },
    ],
    request: { method: 'GET', path: '/services' },
    expect: { status: 200, body: { json: [{ Spec: { Name: 'web' } }] } },
  },
]
