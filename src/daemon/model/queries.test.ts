import { describe, expect, it } from 'vitest'
import { jsonRequest, readText } from '../../scenarios/test-client.ts'
import { createDaemon } from '../daemon.ts'
import { kindOfId, listContainers, listExecs, newestContainer, newestExec } from './queries.ts'

describe('daemon queries', () => {
  it('summarise containers and exec instances as the API created them, newest last', async () => {
    const d = createDaemon()
    expect(listContainers(d.state)).toEqual([])
    expect(newestExec(d.state)).toBeUndefined()
    const create = (name: string) =>
      d.handle(
        jsonRequest(
          'POST',
          `/containers/create?name=${name}`,
          '{"Image":"busybox","Cmd":["sh"],"Tty":true}',
          {
            'content-type': 'application/json',
          },
        ),
      )
    const a = JSON.parse(await readText((await create('alpha')).body)) as { Id: string }
    await create('beta')
    await d.handle(jsonRequest('POST', '/containers/alpha/start'))
    const exec = await d.handle(
      jsonRequest('POST', '/containers/alpha/exec', '{"Cmd":["ls","-l"],"Tty":false}', {
        'content-type': 'application/json',
      }),
    )
    const { Id: execId } = JSON.parse(await readText(exec.body)) as { Id: string }
    expect(listContainers(d.state).map((c) => [c.name, c.status, c.tty])).toEqual([
      ['alpha', 'running', true],
      ['beta', 'created', true],
    ])
    expect(newestContainer(d.state)?.name).toBe('beta')
    expect(listExecs(d.state)).toEqual([
      expect.objectContaining({
        id: execId,
        containerName: 'alpha',
        command: 'ls -l',
        phase: 'created',
      }),
    ])
    expect(newestExec(d.state, 'alpha')?.id).toBe(execId)
    expect(newestExec(d.state, 'beta')).toBeUndefined()
    expect(kindOfId(d.state, a.Id)).toBe('container')
    expect(kindOfId(d.state, execId)).toBe('exec')
    expect(kindOfId(d.state, 'f'.repeat(64))).toBeUndefined()
    d.dispose()
  })
})
