import { endpointRows, kubeletCallers, releaseOptions } from 'virtual:catalog'
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import kubernetesFile from '../../../data/kubernetes.json'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import type { KubernetesFile } from '../../domain/schemas/kubernetes.ts'
import { EndpointMatrix } from './endpoint-matrix.tsx'
import { matrixUrl } from './matrix-url.ts'

function Harness() {
  return (
    <ViewHarness codec={matrixUrl} search="">
      {({ state, onChange }) => (
        <EndpointMatrix
          rows={endpointRows}
          releases={releaseOptions}
          state={state}
          onChange={onChange}
        />
      )}
    </ViewHarness>
  )
}

const rowOf = (id: string) => {
  const row = document.querySelector<HTMLElement>(`tr[data-endpoint="${id}"]`)
  if (!row) throw new Error(`no row ${id}`)
  return row
}
// Columns: title, method, path, group, since, K8s 1.3, K8s 1.4, change
const cell = (id: string, release: '1.3' | '1.4') =>
  rowOf(id).querySelectorAll('td')[release === '1.3' ? 5 : 6] as HTMLElement

describe('The matrix answers "why is this ticked?"', () => {
  // Where the links go (the kubelet view's own keys) is checked with the app: src/app/view-links.test.tsx.
  it('links the 1.4 tick of POST /exec/{id}/resize to the kubelet view, and 1.3 has none', () => {
    render(<Harness />)
    const link = within(cell('ExecResize', '1.4')).getByRole('link', { name: /exec-it/ })
    expect(link.getAttribute('href')).toBe('?view=kubelet')
    expect(within(cell('ExecResize', '1.3')).queryByRole('link')).toBeNull()
  })

  it('names every operation that sends a 1.3 tick', () => {
    render(<Harness />)
    const link = within(cell('ContainerStop', '1.3')).getByRole('link')
    expect(link.textContent).toMatch(/pod-delete.*sent by pod-delete, liveness-restart/)
    expect(link.textContent?.startsWith('pod-delete +1 ')).toBe(true)
  })

  it('says that no operation sends the article’s wrong ticks (/changes, /kill)', () => {
    render(<Harness />)
    for (const id of ['ContainerChanges', 'ContainerKill']) {
      for (const release of ['1.3', '1.4'] as const) {
        expect(within(cell(id, release)).getByText('no kubelet operation sends it')).toBeTruthy()
        expect(within(cell(id, release)).queryByRole('link')).toBeNull()
      }
    }
  })

  it('has a link on exactly the cells the Kubernetes source ticks (model and data agree)', () => {
    render(<Harness />)
    const releases = (kubernetesFile as KubernetesFile).releases
    for (const release of ['1.3', '1.4'] as const) {
      const called = new Set(
        releases.find((r) => r.version === release)?.methods.map((m) => m.endpointId),
      )
      const linked = endpointRows
        .filter((row) => within(cell(row.id, release)).queryByRole('link') !== null)
        .map((row) => row.id)
      expect(new Set(linked)).toEqual(called)
      // …and the build-time map is the model's: the endpoints its operations reach
      const reached = Object.keys(kubeletCallers).filter(
        (id) => kubeletCallers[id]?.[release].length,
      )
      expect(new Set(reached)).toEqual(called)
    }
    expect(screen.getAllByRole('table').length).toBeGreaterThan(0)
  })
})
