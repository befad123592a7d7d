import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE, formatAppState, isPrerenderedState, parseAppState } from './url-state.ts'

describe('URL state', () => {
  it('parses an empty query as the default state and formats it back to nothing', () => {
    expect(parseAppState('')).toEqual(DEFAULT_STATE)
    expect(formatAppState(DEFAULT_STATE)).toBe('')
  })

  it('round-trips every field', () => {
    const search =
      '?view=versions&lang=zh&q=resize+exec&method=POST&group=exec&k13=no&k14=yes&changed=1&release=1.12&sort=-path&vq=17&from=1.21&to=1.24&k8s=1.4&all=1&vsort=api&selected=1.9'
    const state = parseAppState(search)
    expect(state.view).toBe('versions')
    expect(state.lang).toBe('zh')
    expect(state.matrix).toEqual({
      q: 'resize exec',
      method: 'POST',
      group: 'exec',
      k13: 'no',
      k14: 'yes',
      changed: true,
      release: '1.12',
      sort: { id: 'path', desc: true },
    })
    expect(state.versions.sort).toEqual({ id: 'api', desc: false })
    // Each view's own fields survive the round trip on that view.
    expect(parseAppState(formatAppState(state)).versions).toEqual(state.versions)
    expect(parseAppState(formatAppState({ ...state, view: 'matrix' })).matrix).toEqual(state.matrix)
  })

  it('writes only the state of the view a link opens', () => {
    const state = parseAppState('?view=lessons&lesson=exec-it&step=3&q=resize&k8s=1.4&vq=17')
    expect(formatAppState(state)).toBe('?view=lessons&lesson=exec-it&step=3')
    expect(formatAppState({ ...state, view: 'versions' })).toBe('?view=versions&vq=17&k8s=1.4')
    expect(formatAppState({ ...state, view: 'matrix' })).toBe('?q=resize')
  })

  it('keeps the selected endpoint only on the endpoint view', () => {
    const state = parseAppState('?view=endpoint&endpoint=ExecResize')
    expect(state.endpoint).toBe('ExecResize')
    expect(formatAppState(state)).toBe('?view=endpoint&endpoint=ExecResize')
    expect(formatAppState({ ...state, view: 'matrix' })).toBe('')
  })

  it('falls back to defaults for hostile or unknown values instead of failing', () => {
    const state = parseAppState(
      '?view=<script>&lang=fr&method=PATCH&group=__proto__&k13=maybe&sort=path;drop&release=../../etc&endpoint=%3Cimg%3E&from=abc',
    )
    expect(state.view).toBe('matrix')
    expect(state.lang).toBeNull()
    expect(state.matrix.method).toBe('')
    expect(state.matrix.group).toBe('')
    expect(state.matrix.k13).toBe('any')
    expect(state.matrix.sort).toBeNull()
    expect(state.matrix.release).toBe('')
    expect(state.endpoint).toBe('')
    expect(state.versions.from).toBe('')
  })

  it('caps free text so a giant URL cannot blow up the filters', () => {
    const state = parseAppState(`?q=${'a'.repeat(5000)}`)
    expect(state.matrix.q).toHaveLength(200)
  })

  it('hydrates the prerendered HTML only for the default English view', () => {
    expect(isPrerenderedState(DEFAULT_STATE, 'en')).toBe(true)
    expect(isPrerenderedState(DEFAULT_STATE, 'zh')).toBe(false)
    expect(isPrerenderedState(parseAppState('?lang=en'), 'en')).toBe(true)
    expect(isPrerenderedState(parseAppState('?q=resize'), 'en')).toBe(false)
  })

  it('keeps a comparison in the link, and falls back to 1.21..1.24 on anything else', () => {
    const state = parseAppState('?view=compare&cmp=1.18..1.25&kubelet=1')
    expect(state.compare).toEqual({ from: '1.18', to: '1.25', kubelet: true })
    expect(formatAppState(state)).toBe('?view=compare&cmp=1.18..1.25&kubelet=1')
    expect(parseAppState('?view=compare&cmp=1.21..x').compare).toEqual({
      from: '1.21',
      to: '1.24',
      kubelet: false,
    })
    expect(formatAppState(parseAppState('?view=compare'))).toBe('?view=compare')
    // Another view's link carries no comparison.
    expect(formatAppState({ ...state, view: 'matrix' })).toBe('')
  })
})
