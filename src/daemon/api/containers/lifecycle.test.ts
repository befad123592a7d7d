import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../../daemon.ts'

/** Every request of these tests goes to API 1.24 explicitly, as the docker CLI sends it. */
const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

describe('start: host port already allocated', () => {
  it('names the endpoint like libnetwork: the container name and a fresh 64-hex endpoint id', async () => {
    const d = createDaemon({ dockerVersion: '1.12.6', clock: () => new Date(0), seed: true })
    const ports = (ip?: string) => ({
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: ip ?? '', HostPort: '8080' }] } },
    })
    expect((await call(d, 'POST', '/containers/create?name=first', ports())).status).toBe(201)
    expect((await call(d, 'POST', '/containers/first/start')).status).toBe(204)
    const second = await call(d, 'POST', '/containers/create?name=second', ports())
    const secondId = JSON.parse(second.text).Id as string
    const res = await call(d, 'POST', '/containers/second/start')
    expect(res.status).toBe(500)
    const m =
      /^\{"message":"driver failed programming external connectivity on endpoint second \(([0-9a-f]{64})\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated"\}\n$/.exec(
        res.text,
      )
    expect(m, res.text).not.toBeNull()
    const endpointId = m?.[1] ?? ''
    // Not the container id padded with zeros (the QA finding: `104d111c66330000…`).
    expect(endpointId.endsWith('0'.repeat(52))).toBe(false)
    expect(endpointId.startsWith(secondId.slice(0, 12))).toBe(false)
    // Each attempt creates (and drops) a new endpoint, so the id changes.
    const again = await call(d, 'POST', '/containers/second/start')
    expect(again.text).not.toContain(endpointId)
    // The binding's host IP is the one reported.
    await call(d, 'POST', '/containers/create?name=third', ports('127.0.0.1'))
    expect((await call(d, 'POST', '/containers/third/start')).text).toContain(
      'Bind for 127.0.0.1:8080 failed: port is already allocated',
    )
  })
})
