import { createRequire } from 'node:module'
import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { DaemonRequestHandler } from './route.ts'

/**
 * DaemonRequestHandler overrides `RequestHandler.run`, which is msw's internal protocol between a
 * handler and getResponse/setupServer/setupWorker, not public API. It was written against this
 * release; package.json pins msw to it exactly.
 */
const MSW_WRITTEN_AGAINST = '2.9.0'

describe('DaemonRequestHandler and the msw release it relies on', () => {
  it(`msw is ${MSW_WRITTEN_AGAINST}`, () => {
    const { version } = createRequire(import.meta.url)('msw/package.json') as { version: string }
    expect(
      version,
      `src/mocks/handlers/route.ts overrides RequestHandler.run of msw ${MSW_WRITTEN_AGAINST}, and msw is now ${version}. ` +
        'Compare RequestHandler.run in node_modules/msw/src/core/handlers/RequestHandler.ts with ' +
        'DaemonRequestHandler.run (parse, predicate, isUsed, the execution result), bring it in line, ' +
        'run `npm run bench -- daemon`, then update MSW_WRITTEN_AGAINST here.',
    ).toBe(MSW_WRITTEN_AGAINST)
  })

  it('the base class still has the steps of run that the override reproduces or skips', () => {
    const base = Object.getPrototypeOf(DaemonRequestHandler.prototype) as Record<string, unknown>
    const steps = [
      'run',
      'parse',
      'cloneRequestOrGetFromCache', // skipped: the clone only serves logging
      'wrapResolver', // skipped: our resolver is a plain function, never a generator
      'extendResolverArgs',
      'createExecutionResult',
    ]
    for (const member of steps)
      expect(typeof base[member], `RequestHandler.prototype.${member}`).toBe('function')
  })

  it('getResponse gets the resolver’s response through the override, and only for matching URLs', async () => {
    const seen: string[] = []
    const handler = new DaemonRequestHandler('test', /^http:\/\/docker\.local\//, ({ request }) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`)
      return new Response('pong', { status: 200, headers: { 'content-type': 'text/plain' } })
    })
    const hit = await getResponse([handler], new Request('http://docker.local/_ping'))
    expect(hit?.status).toBe(200)
    expect(await hit?.text()).toBe('pong')
    expect(handler.isUsed).toBe(true)
    expect(await getResponse([handler], new Request('http://example.com/_ping'))).toBeUndefined()
    expect(seen).toEqual(['GET /_ping'])
  })
})
