import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'

/** Labels decode as Go's map[string]string: every key kept, values that are not strings refused. */

let daemons: SimulatedDaemon[] = []
afterEach(() => {
  for (const d of daemons) d.dispose()
  daemons = []
})
function daemon(): SimulatedDaemon {
  const d = createDaemon({ clock: () => new Date('2017-01-14T12:00:00Z') })
  daemons.push(d)
  return d
}
// A raw JSON body: a JavaScript object literal could not even hold an own `__proto__` key.
const PROTO_LABELS = '{"Image":"busybox","Labels":{"__proto__":"kept","a":"b"}}'

describe('labels', () => {
  it('a label named __proto__ is kept on the container, in the list and in its events', async () => {
    const d = daemon()
    expect((await call(d, 'POST', '/containers/create?name=pp', PROTO_LABELS)).status).toBe(201)
    const inspect = JSON.parse((await call(d, 'GET', '/containers/pp/json')).text)
    expect(inspect.Config.Labels).toEqual(JSON.parse('{"__proto__":"kept","a":"b"}'))
    expect(Object.hasOwn(inspect.Config.Labels, '__proto__')).toBe(true)
    const list = await call(d, 'GET', '/containers/json?all=1&filters={"label":["__proto__=kept"]}')
    expect(JSON.parse(list.text)).toHaveLength(1)
    const log = await call(d, 'GET', `/events?since=0&until=${Date.parse('2017-01-15') / 1000}`)
    const create = log.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((e) => e.Action === 'create')
    expect(Object.hasOwn(create.Actor.Attributes, '__proto__')).toBe(true)
  })

  it('network and volume create refuse a label value that is not a string, with Go 1.6 text', async () => {
    const d = daemon()
    const net = await call(d, 'POST', '/networks/create', { Name: 'n', Labels: { a: { b: 1 } } })
    expect(net.status).toBe(500)
    expect(JSON.parse(net.text).message).toBe(
      'json: cannot unmarshal object into Go value of type string',
    )
    const opts = await call(d, 'POST', '/networks/create', { Name: 'n', Options: { a: 1 } })
    expect(JSON.parse(opts.text).message).toBe(
      'json: cannot unmarshal number into Go value of type string',
    )
    const vol = await call(d, 'POST', '/volumes/create', { Name: 'vv', Labels: ['x'] })
    expect(JSON.parse(vol.text).message).toBe(
      'json: cannot unmarshal array into Go value of type map[string]string',
    )
    // Nothing was created by the refused requests; null values decode to "".
    expect(JSON.parse((await call(d, 'GET', '/networks')).text)).toHaveLength(3)
    const ok = await call(d, 'POST', '/networks/create', { Name: 'n', Labels: { a: null } })
    expect(ok.status).toBe(201)
    expect(JSON.parse((await call(d, 'GET', '/networks/n')).text).Labels).toEqual({ a: '' })
  })
})
