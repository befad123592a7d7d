import { goJSON } from '../daemon/index.ts'
import type { ScenarioStep } from './types.ts'

/** The exact JSON error body of a 1.12.6 daemon for API > 1.23 or no version. */
export const err = (message: string): string => goJSON({ message })
/** The plain-text error body (API ≤ 1.23). */
export const plain = (message: string): string => `${message}\n`

export const TOP = { Image: 'busybox', Cmd: ['top'] }
export const TTY_SH = { Image: 'busybox', Cmd: ['sh'], Tty: true, OpenStdin: true }

/** POST /containers/create?name=N, capturing the id as {{N}}. */
export function create(name: string, config: unknown = TOP): ScenarioStep {
  return {
    method: 'POST',
    path: `/containers/create?name=${name}`,
    body: config,
    status: 201,
    capture: { [name]: 'Id' },
  }
}
export const start = (name: string): ScenarioStep => ({
  method: 'POST',
  path: `/containers/${name}/start`,
  status: 204,
})
export const stop = (name: string): ScenarioStep => ({
  method: 'POST',
  path: `/containers/${name}/stop`,
  status: 204,
})
export const pause = (name: string): ScenarioStep => ({
  method: 'POST',
  path: `/containers/${name}/pause`,
  status: 204,
})
export const wait = (name: string): ScenarioStep => ({
  method: 'POST',
  path: `/containers/${name}/wait`,
  status: 200,
})
/** create + start */
export const running = (name: string, config: unknown = TOP): ScenarioStep[] => [
  create(name, config),
  start(name),
]

/** POST /containers/C/exec, capturing the exec id as {{v}}. */
export function execCreate(
  container: string,
  v: string,
  body: unknown = { Cmd: ['echo', 'hi'], AttachStdout: true },
): ScenarioStep {
  return {
    method: 'POST',
    path: `/containers/${container}/exec`,
    body,
    status: 201,
    capture: { [v]: 'Id' },
  }
}
export const execStartDetached = (v: string): ScenarioStep => ({
  method: 'POST',
  path: `/exec/{{${v}}}/start`,
  body: { Detach: true },
  status: 200,
})

/**
 * Seventeen names (`c0` … `c16`) for seventeen objects of one kind: by pigeonhole two of their
 * ids share the first hex digit, so that digit is an ambiguous prefix.
 */
export const seventeen = (prefix: string): string[] =>
  Array.from({ length: 17 }, (_, i) => `${prefix}${i}`)

/** The placeholder for the shortest prefix two of the ids captured under `names` share. */
export const sharedPrefixOf = (names: readonly string[]): string =>
  `{{sharedPrefix:${names.join(',')}}}`

export const swarmInit: ScenarioStep = {
  method: 'POST',
  path: '/swarm/init',
  body: { ListenAddr: '0.0.0.0:2377' },
  status: 200,
  capture: { node: '.' },
}

/** An empty tar archive (two zero blocks). */
export const EMPTY_TAR = '\u0000'.repeat(1024)

/** One ustar header + data blocks for a file, built as text (ASCII content only). */
function tarFile(name: string, content: string, type = '0', linkname = ''): string {
  const header = new Array<string>(512).fill('\u0000')
  const put = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) header[offset + i] = value[i] ?? '\u0000'
  }
  put(0, name)
  put(100, '0000644\u0000')
  put(108, '0000000\u0000')
  put(116, '0000000\u0000')
  put(124, `${content.length.toString(8).padStart(11, '0')}\u0000`)
  put(136, '13042760000\u0000')
  put(148, '        ')
  header[156] = type
  put(157, linkname)
  put(257, 'ustar\u0000')
  put(263, '00')
  let sum = 0
  for (const ch of header) sum += ch.charCodeAt(0)
  put(148, `${sum.toString(8).padStart(6, '0')}\u0000 `)
  const data = content + '\u0000'.repeat((512 - (content.length % 512)) % 512)
  return header.join('') + data
}

/** A ustar archive with several files (name → content), built as text (ASCII content only). */
export function tarOf(files: ReadonlyArray<readonly [string, string]>): string {
  return files.map(([name, content]) => tarFile(name, content)).join('') + EMPTY_TAR
}

/** A ustar archive with one hard ('1') or symbolic ('2') link `name` → `linkname`. */
export function tarLink(name: string, linkname: string, type: '1' | '2'): string {
  return tarFile(name, '', type, linkname) + EMPTY_TAR
}

/** The archive with one byte of the first header changed: its checksum no longer matches. */
export function corruptTar(archive: string): string {
  return `${archive.slice(0, 10)}X${archive.slice(11)}`
}

/** A ustar archive with one file, built as text (ASCII content only). */
export function tarWith(name: string, content: string): string {
  return tarOf([[name, content]])
}
