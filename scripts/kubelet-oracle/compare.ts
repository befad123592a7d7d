import type { Release } from '../../src/kubelet/index.ts'

/** The oracle's JSON, the command line and the normalisation both traces go through. */
export interface OracleCall {
  method: string
  path: string
  query?: string | Record<string, string>
}
export interface OracleScenario {
  scenario: string
  calls?: OracleCall[] | null
  skipped?: boolean
}

export function args() {
  const a = process.argv.slice(2)
  const get = (flag: string) => {
    const i = a.indexOf(flag)
    return i >= 0 ? a[i + 1] : undefined
  }
  const release = get('--release')
  const oracle = get('--oracle')
  if ((release !== '1.3' && release !== '1.4') || !oracle) {
    console.error(
      'usage: tsx scripts/kubelet-oracle.ts --release 1.3|1.4 --oracle out.json [--web-image IMAGE]',
    )
    process.exit(2)
  }
  return {
    release: release as Release,
    oracle,
    webImage: get('--web-image') ?? 'nginx:latest',
    // a proxy-mode oracle run against a fresh npm run daemon: keep its seeded images
    seeded: a.includes('--seeded'),
  }
}

/** Ids numbered by first appearance; k8s names without hash, uid and random suffix. */
export function normaliser() {
  const ids = new Map<string, string>()
  const id = (kind: string, raw: string) => {
    const key = raw.replace(/^sha256:/, '')
    let name = ids.get(key)
    if (!name) {
      name = `{${kind}${[...ids.values()].filter((v) => v.startsWith(`{${kind}`)).length + 1}}`
      ids.set(key, name)
    }
    return name
  }
  return (method: string, path: string, query: Record<string, string>): string => {
    let p = path
      .replace(/^\/exec\/([^/]+)/, (_, x: string) => `/exec/${id('e', x)}`)
      .replace(
        /^\/containers\/(?!json$|create$)([^/]+)/,
        (_, x: string) => `/containers/${id('c', x)}`,
      )
      .replace(
        /^\/images\/(sha256:[0-9a-f]+|[0-9a-f]{64})(?=\/|$)/,
        (_, x: string) => `/images/${id('i', x)}`,
      )
    p = p.replace(/\/images\/([^/]+)\/history$/, (_, x: string) => `/images/${x}/history`)
    const q = Object.keys(query)
      .sort()
      .map((k) => {
        let v = query[k] ?? ''
        if (k === 'name') v = v.replace(/^(k8s_[^.]+)\.[0-9a-f]+_([^_]+)_.*$/, '$1_$2')
        if (k === 'since' && v !== '0') v = '{t}'
        return `${k}=${v}`
      })
      .join('&')
    return `${method} ${p}${q ? `?${q}` : ''}`
  }
}

export function oracleQuery(q: OracleCall['query']): Record<string, string> {
  if (!q) return {}
  if (typeof q !== 'string') return q
  return Object.fromEntries(new URLSearchParams(q))
}
