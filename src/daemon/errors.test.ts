import { describe, expect, it } from 'vitest'
import {
  badRequest,
  DaemonError,
  errNotRunning,
  notFound,
  statusFromMessage,
  untyped,
  wrap,
} from './errors.ts'

describe('error → status (api/server/httputils/errors.go at v1.12.6)', () => {
  it.each([
    ['No such container: x', 404],
    ['network foo not found', 404],
    ['Bad parameters: you must choose at least one stream', 400],
    ['No command specified', 400],
    ['Conflict. The name "/x" is already in use', 409],
    ['impossible to attach', 406],
    ['Wrong login/password, please try again', 401],
    ['login attempt to https://registry-1.docker.io/v2/ failed with status: 401 Unauthorized', 401],
    ["Your account hasn't been activated", 403],
    ['This node is not a swarm manager.', 406],
    ['Container abc is not running', 500],
    ['No exec command specified', 500],
    ['strconv.ParseInt: parsing "foo": invalid syntax', 500],
  ])('%s → %i', (message, status) => {
    expect(statusFromMessage(message)).toBe(status)
  })

  it('the first keyword in table order wins, not the first in the message', () => {
    // "conflict" appears first in the text, but "not found" comes first in the table.
    expect(statusFromMessage('conflict: image not found')).toBe(404)
  })

  it('typed errors keep their status; wrapping drops it', () => {
    expect(badRequest('x').status).toBe(400)
    expect(notFound('x').status).toBe(404)
    expect(wrap('Cannot kill container x: ', badRequest('weird')).status).toBe(500)
    expect(wrap('Cannot kill container x: ', notFound('No such container: x')).status).toBe(404)
  })

  it('errNotRunning is untyped: 500', () => {
    const e = errNotRunning('abc')
    expect(e).toBeInstanceOf(DaemonError)
    expect(e.message).toBe('Container abc is not running')
    expect(e.status).toBe(500)
    expect(untyped('whatever').typedStatus).toBeUndefined()
  })
})
