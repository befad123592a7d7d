import { describe, expect, it } from 'vitest'
import { createDaemon } from '../../daemon/index.ts'
import { inPageFetch } from './in-page-fetch.ts'

describe('inPageFetch', () => {
  it('answers the daemon’s URLs in the page, as the daemon does, and nothing else', async () => {
    const daemon = createDaemon()
    const answer = inPageFetch(daemon, 'http://docker.test/api/')
    const ping = await answer('http://docker.test/api/_ping')
    expect(ping.status).toBe(200)
    expect(await ping.text()).toBe('OK')
    const missing = await answer('http://docker.test/api/containers/nosuch/json')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: 'No such container: nosuch' })
    const created = await answer('http://docker.test/api/v1.24/containers/create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Image: 'busybox' }),
    })
    expect(created.status).toBe(201)
    // Not under the base: never the daemon, never the network.
    const elsewhere = await answer('http://docker.test/other/_ping')
    expect(elsewhere.status).toBe(502)
    // One function per daemon: the terminal and the fallback share it.
    expect(inPageFetch(daemon, 'http://docker.test/api/')).toBe(answer)
    daemon.dispose()
  })
})
