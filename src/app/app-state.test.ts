import { describe, expect, it } from 'vitest'
import { VIEWS } from '../lib/view-link.ts'
import golden from './app-state.golden.tsv?raw'
import {
  DEFAULT_STATE,
  followLink,
  formatAppState,
  isPrerenderedState,
  parseAppState,
} from './app-state.ts'

describe('the app state in the URL, composed from the views’ codecs', () => {
  /**
   * 474 links (the tests', the docs' and the e2e tests' real ones, and every key with good, odd
   * and hostile values on the default view, its own view and a view that does not own it),
   * recorded in app-state.golden.tsv with the single url-state.ts that the codecs replaced
   * (commit 6b642c9): one link a line, then, tab-separated, the state it parsed to written as
   * each of the seven views' links (a view's link carries its whole state), and the lesson
   * step. No link may change meaning.
   */
  it('reads every recorded link as before and writes every view’s link as before', () => {
    const [columns = '', ...rows] = golden.trimEnd().split('\n')
    expect(columns.split('\t')).toEqual(['search', ...VIEWS, 'step'])
    expect(rows).toHaveLength(474)
    const now = rows.map((row) => {
      const [search = ''] = row.split('\t')
      const state = parseAppState(search)
      const links = VIEWS.map((view) => formatAppState({ ...state, view }))
      return [search, ...links, state.lessons.step].join('\t')
    })
    expect(now).toEqual(rows)
  })

  it('parses an empty query as the default state and formats it back to nothing', () => {
    expect(parseAppState('')).toEqual(DEFAULT_STATE)
    expect(formatAppState(DEFAULT_STATE)).toBe('')
  })

  it('keeps every view’s state in the page but writes only the opened view’s into a link', () => {
    const state = parseAppState('?view=lessons&lesson=exec-it&step=3&q=resize&k8s=1.4&vq=17')
    expect(state.matrix.q).toBe('resize')
    expect(state.versions).toMatchObject({ q: '17', k8s: '1.4' })
    expect(formatAppState(state)).toBe('?view=lessons&lesson=exec-it&step=3')
    expect(formatAppState({ ...state, view: 'versions' })).toBe('?view=versions&vq=17&k8s=1.4')
    expect(formatAppState({ ...state, view: 'matrix' })).toBe('?q=resize')
  })

  it('gives a shared key to the view the link opens: release on the kubelet view is Kubernetes’', () => {
    const kubelet = parseAppState('?view=kubelet&release=1.3')
    expect(kubelet.kubelet.release).toBe('1.3')
    expect(kubelet.matrix.release).toBe('')
    const matrix = parseAppState('?release=1.12')
    expect(matrix.matrix.release).toBe('1.12')
    expect(matrix.kubelet.release).toBe('1.4')
    // On a third view's link, release is still the matrix's (a Docker release).
    expect(parseAppState('?view=versions&release=1.12').matrix.release).toBe('1.12')
  })

  it('writes view and language first, then the view’s keys in its codec’s order', () => {
    const state = parseAppState('?ep=ExecResize&pods=110&lang=zh&op=exec-it&view=kubelet')
    expect(formatAppState(state)).toBe('?view=kubelet&lang=zh&op=exec-it&pods=110&ep=ExecResize')
  })

  it('hydrates the prerendered HTML only for the default English view', () => {
    expect(isPrerenderedState(DEFAULT_STATE, 'en')).toBe(true)
    expect(isPrerenderedState(DEFAULT_STATE, 'zh')).toBe(false)
    expect(isPrerenderedState(parseAppState('?lang=en'), 'en')).toBe(true)
    expect(isPrerenderedState(parseAppState('?q=resize'), 'en')).toBe(false)
  })
})

describe('following a link from one view to another', () => {
  const reader = parseAppState('?q=stop&k14=yes')

  it('opens the view with what the link names and keeps the rest as the reader left it', () => {
    const next = followLink(reader, { view: 'kubelet', op: 'pod-delete', release: '1.3' })
    expect(next.view).toBe('kubelet')
    expect(next.kubelet).toEqual({ ...DEFAULT_STATE.kubelet, op: 'pod-delete', release: '1.3' })
    expect(next.matrix).toBe(reader.matrix)
    expect(formatAppState(followLink(next, { view: 'matrix' }))).toBe('?q=stop&k14=yes')
  })

  it('shows all of a release’s endpoints: the versions table’s link clears the matrix filters', () => {
    const next = followLink(reader, { view: 'matrix', release: '1.12' })
    expect(formatAppState(next)).toBe('?release=1.12')
  })

  it('falls back on what the target view does not know, as a hand-edited URL would', () => {
    const next = followLink(reader, { view: 'kubelet', op: 'rm-rf', release: '1.5' })
    expect(next.kubelet).toEqual(DEFAULT_STATE.kubelet)
  })

  it('hands a request to the playground on the Docker version it asks for', () => {
    const request = {
      method: 'POST',
      path: '/v1.24/containers/create',
      body: '{}',
      contentType: '',
    } as const
    const next = followLink(reader, { view: 'playground', ...request, docker: '1.11.2' })
    expect(formatAppState(next)).toBe(
      '?view=playground&m=POST&p=%2Fv1.24%2Fcontainers%2Fcreate&b=%7B%7D&ct=&docker=1.11.2',
    )
  })
})
