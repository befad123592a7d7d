import { describe, expect, it } from 'vitest'
import { DEFAULT_PLAYGROUND, MAX_LINK_BODY, playgroundUrl } from './playground-url.ts'

const parse = (query: string) => playgroundUrl.parse(new URLSearchParams(query), true)

describe('the playground’s URL codec', () => {
  it('round-trips a request on a Docker version', () => {
    const query =
      'm=POST&p=%2Fv1.24%2Fcontainers%2Fcreate&b=%7B%22Image%22%3A%22busybox%22%7D&ct=text%2Fplain&docker=1.11.2'
    const state = parse(query)
    expect(state).toEqual({
      method: 'POST',
      path: '/v1.24/containers/create',
      body: '{"Image":"busybox"}',
      contentType: 'text/plain',
      docker: '1.11.2',
    })
    expect(new URLSearchParams(playgroundUrl.format(state)).toString()).toBe(query)
    expect(playgroundUrl.format(DEFAULT_PLAYGROUND)).toEqual([])
  })

  it('sends only absolute daemon paths, and caps what a link can carry', () => {
    for (const p of ['//evil.example', 'http://x', ''])
      expect(parse(`p=${encodeURIComponent(p)}`).path).toBe('/v1.24/version')
    expect(parse(`p=/${'p'.repeat(2100)}`).path).toHaveLength(2000)
    expect(parse(`b=${'x'.repeat(5000)}`).body).toHaveLength(MAX_LINK_BODY)
  })

  it('leaves a body too long for a link out whole rather than cut it into invalid JSON', () => {
    const body = `{"a":"${'x'.repeat(MAX_LINK_BODY)}"}`
    expect(playgroundUrl.format({ ...DEFAULT_PLAYGROUND, body })).toEqual([])
  })

  it('falls back on methods, types and Docker versions it does not offer', () => {
    expect(parse('m=PATCH&ct=text%2Fhtml&docker=1.13.0')).toEqual(DEFAULT_PLAYGROUND)
  })
})
