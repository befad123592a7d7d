import { describe, expect, it } from 'vitest'
import { call as callDaemon } from '../../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../../daemon.ts'

/**
 * DELETE /images/sha256:<id> — what the kubelet's image GC always sends (daemon/image_delete.go
 * at v1.12.6): an id whose image has one reference, or references of one repository only,
 * untags and deletes (the conflict mask leaves out conflictActiveReference); an image tagged in
 * two repositories is 409 "referenced in one or more repositories".
 */

const call = (d: SimulatedDaemon, method: string, path: string, body?: unknown) =>
  callDaemon(d, method, `/v1.24${path}`, body)

async function idOf(d: SimulatedDaemon, ref: string): Promise<string> {
  return JSON.parse((await call(d, 'GET', `/images/${ref}/json`)).text).Id as string
}

describe('DELETE /images/{id}', () => {
  it('an unused image with one tag, by its sha256 id: 200, untagged and deleted', async () => {
    const d = createDaemon()
    await call(d, 'POST', '/images/create?fromImage=alpine&tag=3.4')
    const id = await idOf(d, 'alpine:3.4')
    const res = await call(d, 'DELETE', `/images/${id}`)
    expect(res.status, res.text).toBe(200)
    const records = JSON.parse(res.text) as Array<{ Untagged?: string; Deleted?: string }>
    expect(records[0]).toEqual({ Untagged: 'alpine:3.4' })
    expect(records.some((r) => r.Untagged?.startsWith('alpine@sha256:'))).toBe(true)
    expect(records).toContainEqual({ Deleted: id })
    expect((await call(d, 'GET', '/images/alpine:3.4/json')).status).toBe(404)
  })

  it('the same by the bare hex id', async () => {
    const d = createDaemon()
    const id = await idOf(d, 'busybox:latest')
    const res = await call(d, 'DELETE', `/images/${id.slice(7)}`)
    expect(res.status, res.text).toBe(200)
    expect((await call(d, 'GET', '/images/busybox/json')).status).toBe(404)
  })

  it('an image tagged in two repositories, by id: 409, nothing removed', async () => {
    const d = createDaemon()
    await call(d, 'POST', '/images/create?fromImage=busybox&tag=1.24')
    expect(
      (await call(d, 'POST', '/images/busybox:1.24/tag?repo=myregistry/busybox&tag=1.24')).status,
    ).toBe(201)
    const id = await idOf(d, 'busybox:1.24')
    const res = await call(d, 'DELETE', `/images/${id}`)
    expect(res.status).toBe(409)
    expect(JSON.parse(res.text).message).toBe(
      `conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is referenced in one or more repositories`,
    )
    expect((await call(d, 'GET', '/images/myregistry/busybox:1.24/json')).status).toBe(200)
  })

  it('a one-tag image a stopped container uses, by id: 409 "being used by stopped container"', async () => {
    const d = createDaemon()
    const id = await idOf(d, 'alpine:latest')
    const created = await call(d, 'POST', '/containers/create', { Image: 'alpine', Cmd: ['true'] })
    const cid = JSON.parse(created.text).Id as string
    const res = await call(d, 'DELETE', `/images/${id}`)
    expect(res.status).toBe(409)
    expect(JSON.parse(res.text).message).toBe(
      `conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is being used by stopped container ${cid.slice(0, 12)}`,
    )
    expect((await call(d, 'GET', '/images/alpine:latest/json')).status).toBe(200)
  })
})
