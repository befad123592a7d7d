import { untyped } from '../errors.ts'

/**
 * Image references as docker/reference parsed them in 1.12 (`reference.ParseNamed` over
 * docker/distribution's grammar, with the default tag `latest` and the docker.io/library/
 * prefixes shown in their "familiar" short form).
 * @see moby reference/reference.go at v1.12.6
 */

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)

export interface ParsedReference {
  /** Familiar name: `busybox`, `myregistry:5000/team/app`. */
  name: string
  tag: string | null
  digest: string | null
}

export const DIGEST_ID = /^sha256:[0-9a-f]{64}$/

/** Parses like `reference.ParseNamed`; returns null when not a valid reference. */
export function parseReference(s: string): ParsedReference | null {
  const m = REFERENCE.exec(s)
  if (m === null || m[1] === undefined) return null
  let name = m[1]
  if (name.length > 255) return null
  if (name.startsWith('docker.io/')) name = name.slice('docker.io/'.length)
  else if (name.startsWith('index.docker.io/')) name = name.slice('index.docker.io/'.length)
  if (name.startsWith('library/') && name.split('/').length === 2)
    name = name.slice('library/'.length)
  return { name, tag: m[2] ?? null, digest: m[3] ?? null }
}

/** `reference.ParseNamed` error text, untyped → 500. */
export const referenceError = (s: string) =>
  untyped(`Error parsing reference: ${JSON.stringify(s)} is not a valid repository/tag`)

/** `name:tag` with the default tag, or `name@digest`. */
export function withDefaultTag(ref: ParsedReference): string {
  if (ref.digest !== null) return `${ref.name}@${ref.digest}`
  return `${ref.name}:${ref.tag ?? 'latest'}`
}
