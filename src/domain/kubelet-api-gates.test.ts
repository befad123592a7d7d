import { describe, expect, it } from 'vitest'
import gatesJson from '../../data/kubelet-api-gates.json'
import { apiVersionFile } from './api-versions.ts'
import { kubernetesReleases } from './data.ts'
import { kubeletApiGatesFileSchema } from './schemas/kubelet-api-gates.ts'
import { parseDataFile } from './validate-data.ts'

const file = parseDataFile('data/kubelet-api-gates.json', kubeletApiGatesFileSchema, gatesJson)
const calls14 = new Set(
  kubernetesReleases.find((r) => r.version === '1.4')?.methods.map((m) => m.endpointId),
)

describe('data/kubelet-api-gates.json', () => {
  it('names only endpoints the Kubernetes 1.4 kubelet calls', () => {
    for (const gate of file.gates) expect(calls14.has(gate.endpoint), gate.field).toBe(true)
  })

  it('names fields the API 1.24 reference lists for that endpoint', () => {
    for (const gate of file.gates) {
      const field = gate.field.split(' ')[0]
      const endpoint = apiVersionFile('1.24')?.endpoints.find((e) => e.id === gate.endpoint)
      expect(
        endpoint?.params.map((p) => p.name),
        gate.field,
      ).toContain(field)
    }
  })

  it('gates OomScoreAdj and Sysctls at the version whose reference first lists them', () => {
    const firstListed = (field: string) =>
      ['1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24'].find((api) =>
        apiVersionFile(api)
          ?.endpoints.find((e) => e.id === 'ContainerCreate')
          ?.params.some((p) => p.name === field),
      )
    for (const field of ['HostConfig.OomScoreAdj', 'HostConfig.Sysctls']) {
      const gate = file.gates.find((g) => g.field === field)
      expect(gate?.api, field).toBe(firstListed(field))
    }
  })

  it('cites the kubelet source at the v1.4.0 tag, with lines', () => {
    for (const gate of file.gates)
      for (const source of gate.sources)
        expect(source.url).toMatch(
          /^https:\/\/github\.com\/kubernetes\/kubernetes\/blob\/v1\.4\.0\/.+#L\d+/,
        )
  })

  it('lists create fields the references document, but for the two they never list', () => {
    const documented = new Set(
      apiVersionFile('1.24')
        ?.endpoints.find((e) => e.id === 'ContainerCreate')
        ?.params.map((p) => p.name.toLowerCase()),
    )
    // IpcMode and UTSMode are decoded by Docker 1.12 but missing from every reference 1.18–1.24.
    const undocumented = file.createFields.fields.filter((f) => !documented.has(f.toLowerCase()))
    expect(undocumented).toEqual(['HostConfig.IpcMode', 'HostConfig.UTSMode'])
    // Every gated field is one the kubelet sends.
    for (const gate of file.gates)
      expect(file.createFields.fields, gate.field).toContain(gate.field.split(' ')[0])
  })
})
