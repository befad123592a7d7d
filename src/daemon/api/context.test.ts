import { describe, expect, it } from 'vitest'
import { createDaemon } from '../daemon.ts'
import { parseMediaType } from './context.ts'

describe('mime.ParseMediaType as CheckForJSON uses it', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['application/json;charset="utf-8"', 'application/json'],
    ['application/json;', 'application/json'],
    ['application/json; charset', null],
    ['json', null],
    ['', null],
  ])('%j → %j', (ct, media) => {
    expect(parseMediaType(ct)).toBe(media)
  })
})

describe('request details', () => {
  const enc = new TextEncoder()
  it('no Content-Type is fine for an empty body (then the body is `EOF`)', async () => {
    const d = createDaemon()
    const r = await d.handle({
      method: 'POST',
      path: '/containers/create',
      query: new URLSearchParams(),
      headers: {},
      body: null,
    })
    expect(r.body).toBe('{"message":"EOF"}\n')
  })

  it('form-encoded bodies count as parameters, as with curl -d', async () => {
    const d = createDaemon()
    const create = await d.handle({
      method: 'POST',
      path: '/containers/create',
      query: new URLSearchParams('name=web'),
      headers: { 'content-type': 'application/json' },
      body: enc.encode('{"Image":"busybox","Cmd":["top"]}'),
    })
    expect(create.status).toBe(201)
    await d.handle({
      method: 'POST',
      path: '/containers/web/start',
      query: new URLSearchParams(),
      headers: {},
      body: null,
    })
    const r = await d.handle({
      method: 'POST',
      path: '/containers/web/resize',
      query: new URLSearchParams('h=1'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: enc.encode('h=40&w=80'),
    })
    expect(r.status).toBe(200)
    expect(d.state.events.at(-1)?.Actor.Attributes).toMatchObject({ height: '40', width: '80' })
  })

  it('methods are case-sensitive, as in Go', async () => {
    const d = createDaemon()
    expect(
      (
        await d.handle({
          method: 'get',
          path: '/_ping',
          query: new URLSearchParams(),
          headers: {},
          body: null,
        })
      ).status,
    ).toBe(404)
  })
})
