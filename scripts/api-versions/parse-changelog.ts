/**
 * Reads Docker's API version history ("## v1.24 API changes" followed by bullets) into the
 * bullets of each version, and finds what each bullet names: endpoints written as
 * `METHOD /path`, and other identifiers in backticks. The bullet texts stay in this script's
 * memory: the data keeps only the version, the position and the names.
 */

export interface RawBullet {
  text: string
  /** `METHOD /path` spans, as written ("POST /container/(name)/update"). */
  routes: { method: string; path: string }[]
  /** Other backticked identifiers ("PidsLimit", "label", "removing"). */
  names: string[]
}

const SECTION = /^#{2,3}\s+v(\d+\.\d+) API changes\s*$/i
const ROUTE = /^(GET|POST|PUT|DELETE|HEAD) (\/.*)$/

export function parseChangelog(text: string): Map<string, RawBullet[]> {
  const versions = new Map<string, RawBullet[]>()
  let bullets: RawBullet[] | null = null
  let open: string[] | null = null
  const flush = () => {
    if (bullets && open) bullets.push(describeBullet(open.join(' ')))
    open = null
  }
  for (const line of text.split('\n')) {
    const section = SECTION.exec(line)
    if (section?.[1]) {
      flush()
      bullets = []
      versions.set(section[1], bullets)
      continue
    }
    if (/^#/.test(line)) {
      flush()
      bullets = null
      continue
    }
    if (!bullets) continue
    if (/^[*-]\s+/.test(line)) {
      flush()
      open = [line.replace(/^[*-]\s+/, '')]
    } else if (line.trim() === '') flush()
    else if (open) open.push(line.trim())
  }
  flush()
  return versions
}

export function describeBullet(text: string): RawBullet {
  const routes: RawBullet['routes'] = []
  const names: string[] = []
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    const span = (m[1] ?? '').trim()
    const route = ROUTE.exec(span)
    if (route?.[1] && route[2]) routes.push({ method: route[1], path: route[2] })
    else if (span !== '') names.push(span)
  }
  return { text: text.replace(/\s+/g, ' ').trim(), routes, names }
}

/**
 * "/containers/(id or name)/json", "/containers/<container ID>/exec", "/networks/{network-id}",
 * "/container/(name)/update" (a typo in the 1.22 history) and a trailing "/" all become
 * "/containers/{}/json" and so on, the form endpoint paths are compared in.
 */
export function routeShape(path: string): string {
  let p = path.split('?')[0] ?? ''
  p = p.replace(/\{[^}]*\}|\([^)]*\)|<[^>]*>/g, '{}')
  // The histories write some resources in the singular ("/container/(name)/update", "/node/…").
  p = p.replace(/^\/(container|image|network|volume|node|service|task|plugin|secret)\//, '/$1s/')
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1)
  return p
}
