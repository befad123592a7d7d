import { describe, expect, it } from 'vitest'
import { compareApiVersions, endpointHistory, historyUrl } from './api-versions.ts'
import type { ChangelogBullet } from './schemas/api-versions.ts'

describe('compareApiVersions', () => {
  it('1.21 → 1.24: 23 endpoints added (update, 16 swarm-mode, 6 plugin), copy removed', () => {
    const c = compareApiVersions('1.21', '1.24')
    const added = c?.changes.filter((x) => x.kind === 'endpoint-added').map((x) => x.endpoint)
    expect(added).toHaveLength(23)
    expect(added).toContain('ContainerUpdate')
    expect(c?.changes.filter((x) => x.kind === 'endpoint-removed').map((x) => x.endpoint)).toEqual([
      'ContainerCopy',
    ])
  })

  it('traces each row to the version that made it and its bullet', () => {
    const c = compareApiVersions('1.21', '1.24')
    const update = c?.changes.find((x) => x.endpoint === 'ContainerUpdate')
    expect(update?.api).toBe('1.22')
    expect(update?.bullets.map((b) => `${b.api}#${b.bullet.n}`)).toEqual(['1.22#2'])
    const copy = c?.changes.find((x) => x.endpoint === 'ContainerCopy')
    expect(copy?.bullets.map((b) => `${b.api}#${b.bullet.n}`)).toEqual(['1.24#17'])
  })

  it('takes the two versions in either order, and refuses a version without data', () => {
    expect(compareApiVersions('1.24', '1.21')).toEqual(compareApiVersions('1.21', '1.24'))
    expect(compareApiVersions('1.17', '1.24')).toBeUndefined()
  })

  it('gathers the bullets without rows of their own in the range', () => {
    const c = compareApiVersions('1.23', '1.24')
    expect(c?.globalBullets.map((b) => `${b.api}#${b.bullet.n}`)).toEqual(['1.24#18'])
    expect(c?.endpointBullets.every((b) => b.api === '1.24')).toBe(true)
  })
})

describe('endpointHistory', () => {
  it('networks: absent until 1.21, where they appear', () => {
    const marks = endpointHistory('NetworkCreate').map((s) => `${s.api} ${s.mark}`)
    expect(marks.slice(0, 4)).toEqual(['1.18 absent', '1.19 absent', '1.20 absent', '1.21 since'])
  })
})

describe('historyUrl', () => {
  it('links bullets the 1.12.6 history lists to it, pinned; the others to the later history', () => {
    const both: ChangelogBullet = {
      n: 1,
      listedIn: 'both',
      endpoints: [],
      names: [],
      scope: 'rows',
      rows: [],
    }
    expect(historyUrl('1.21', both)).toBe(
      'https://github.com/moby/moby/blob/v1.12.6/docs/reference/api/docker_remote_api.md#v1-21-api-changes',
    )
    expect(historyUrl('1.25', { ...both, listedIn: 'later' })).toBe(
      'https://docs.docker.com/reference/api/engine/version-history/#v125-api-changes',
    )
  })
})
