import { describe, expect, it } from 'vitest'
import { createDaemon } from '../../daemon/index.ts'
import { jsonRequest, readText } from '../../scenarios/test-client.ts'
import { browserOnlyName } from './browser-only.ts'

const req = (method: 'GET' | 'POST', path: string) => ({
  method,
  path,
  body: '',
  contentType: '' as const,
})

describe('browserOnlyName', () => {
  it('names the container or exec instance a copied command could not reach elsewhere', async () => {
    const daemon = createDaemon()
    const created = await daemon.handle(
      jsonRequest('POST', '/containers/create?name=web', { Image: 'busybox', Cmd: ['top'] }),
    )
    expect(created.status).toBe(201)
    expect((await daemon.handle(jsonRequest('POST', '/containers/web/start'))).status).toBe(204)
    const exec = await daemon.handle(jsonRequest('POST', '/containers/web/exec', { Cmd: ['sh'] }))
    const execId = (JSON.parse(await readText(exec.body)) as { Id: string }).Id
    expect(browserOnlyName(daemon.state, req('POST', `/v1.24/exec/${execId}/resize?h=1&w=2`))).toBe(
      execId,
    )
    expect(browserOnlyName(daemon.state, req('POST', '/containers/web/stop'))).toBe('web')
    // Nothing of this daemon's own, or something every daemon has: no warning.
    expect(browserOnlyName(daemon.state, req('POST', '/containers/other/stop'))).toBeNull()
    expect(browserOnlyName(daemon.state, req('GET', '/images/busybox/json'))).toBeNull()
    expect(browserOnlyName(daemon.state, req('GET', '/containers/json'))).toBeNull()
    daemon.dispose()
  })
})
