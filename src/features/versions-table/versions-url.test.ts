import { describe, expect, it } from 'vitest'
import { DEFAULT_VERSIONS, versionsUrl } from './versions-url.ts'

const parse = (query: string) => versionsUrl.parse(new URLSearchParams(query), true)

describe('the versions table’s URL codec', () => {
  it('round-trips every filter under its own keys (vq, vsort), apart from the matrix’s', () => {
    const query = 'vq=17&from=1.21&to=1.24&k8s=1.4&all=1&vsort=api&selected=1.9'
    const state = parse(`${query}&q=resize&sort=path`)
    expect(state).toEqual({
      q: '17',
      from: '1.21',
      to: '1.24',
      k8s: '1.4',
      all: true,
      sort: { id: 'api', desc: false },
      selected: '1.9',
    })
    expect(new URLSearchParams(versionsUrl.format(state)).toString()).toBe(query)
  })

  it('falls back on what it does not know', () => {
    expect(parse('from=abc&to=1.2.3&k8s=1.5&all=yes&vsort=api;&selected=<x>')).toEqual(
      DEFAULT_VERSIONS,
    )
  })
})
