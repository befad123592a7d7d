import { describe, expect, it } from 'vitest'
import { jsonRequest, readText } from '../../scenarios/test-client.ts'
import { Engine } from '../engine.ts'
import { INTERNAL_ERROR_MESSAGE } from '../errors.ts'
import { SIMULATED_HOST_RESOLV_CONF } from '../model/host-files.ts'
import type { Handler } from './context.ts'
import { Dispatcher } from './dispatch.ts'

/** A bug of the model answers a 500 in Docker's shape, never JavaScript's own error text. */

function dispatcherWith(handler: Handler, reported: unknown[]): Dispatcher {
  const engine = new Engine({
    dockerVersion: '1.12.6',
    clock: () => new Date('2017-01-14T12:00:00Z'),
    wake: () => () => undefined,
    idGenerator: null,
    seed: true,
    host: { dataRoot: '/var/lib/docker', resolvConf: SIMULATED_HOST_RESOLV_CONF, files: null },
  })
  return new Dispatcher(engine, new Map([['ContainerList', handler]]), (e) => reported.push(e))
}

describe('internal errors', () => {
  it.each([
    ['Invalid string length', () => new RangeError('Invalid string length')],
    ['Maximum call stack size exceeded', () => new RangeError('Maximum call stack size exceeded')],
    [
      "Cannot read properties of undefined (reading 'x')",
      () => new TypeError("Cannot read properties of undefined (reading 'x')"),
    ],
  ])(
    '%s: the client sees the simulation failed; the exception goes to the log',
    async (text, make) => {
      const reported: unknown[] = []
      const thrown = make()
      const d = dispatcherWith(() => {
        throw thrown
      }, reported)
      for (const path of ['/containers/json', '/v1.24/containers/json', '/v1.19/containers/json']) {
        const res = await d.handle(jsonRequest('GET', path))
        const body = await readText(res.body)
        expect(res.status).toBe(500)
        expect(body).not.toContain(text)
        expect(body).toContain(INTERNAL_ERROR_MESSAGE)
      }
      expect(reported).toEqual([thrown, thrown, thrown])
    },
  )

  it('a handler promise that rejects is answered the same way', async () => {
    const reported: unknown[] = []
    const d = dispatcherWith(() => Promise.reject(new RangeError('Invalid array length')), reported)
    const res = await d.handle(jsonRequest('GET', '/containers/json'))
    expect(JSON.parse(await readText(res.body))).toEqual({ message: INTERNAL_ERROR_MESSAGE })
    expect(reported).toHaveLength(1)
  })
})
