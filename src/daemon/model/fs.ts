import type { ContainerRecord } from './state.ts'

/**
 * The little filesystem a container appears to have: a busybox-like skeleton plus the files
 * copied in through PUT /archive. Used by archive/copy/export and by `cat`/`ls` in processes.
 */

const KNOWN_DIRS = [
  '/',
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/proc',
  '/root',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
]

const KNOWN_FILES: Readonly<Record<string, string>> = {
  '/etc/hosts': '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n',
  '/etc/resolv.conf': 'nameserver 8.8.8.8\n',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
  '/bin/sh': '#!/bin/busybox\n',
}

export function cleanPath(path: string): string {
  const parts: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}

export interface PathStat {
  name: string
  size: number
  mode: number
  dir: boolean
  content: string
}

export function statPath(c: ContainerRecord, path: string): PathStat | null {
  const clean = cleanPath(path)
  const name = clean === '/' ? '/' : clean.slice(clean.lastIndexOf('/') + 1)
  if (
    KNOWN_DIRS.includes(clean) ||
    c.files.some((f) => f.path.startsWith(clean === '/' ? '/' : `${clean}/`))
  ) {
    // os.ModeDir | 0755, as Go's FileMode reports it in the path-stat header.
    return { name, size: 4096, mode: 0o20000000755, dir: true, content: '' }
  }
  const file = c.files.find((f) => f.path === clean)
  const ip = c.networks.find((n) => n.ipAddress !== '')?.ipAddress
  const hosts =
    clean === '/etc/hosts'
      ? `${KNOWN_FILES['/etc/hosts']}${ip === undefined ? '' : `${ip}\t${String(c.config.Hostname ?? '')}\n`}`
      : undefined
  const known =
    clean === '/etc/hostname'
      ? `${String(c.config.Hostname ?? '')}\n`
      : (hosts ?? KNOWN_FILES[clean])
  const content = file?.content ?? known
  if (content === undefined) return null
  return { name, size: content.length, mode: 0o644, dir: false, content }
}

/** Entries directly inside a directory (for `ls`). */
export function listDir(c: ContainerRecord, path: string): string[] | null {
  const dir = cleanPath(path)
  const s = statPath(c, dir)
  if (s === null) return null
  if (!s.dir) return [s.name]
  const prefix = dir === '/' ? '/' : `${dir}/`
  const names = new Set<string>()
  for (const p of [
    ...KNOWN_DIRS,
    ...Object.keys(KNOWN_FILES),
    '/etc/hostname',
    ...c.files.map((f) => f.path),
  ]) {
    if (p !== dir && p.startsWith(prefix)) {
      const rest = p.slice(prefix.length).split('/')[0]
      if (rest !== undefined && rest !== '') names.add(rest)
    }
  }
  return [...names].sort()
}

/** The read-only view a simulated process gets. */
export interface ProcessFs {
  read(path: string): string | null
  list(path: string): string[] | null
}

export function processFs(c: ContainerRecord): ProcessFs {
  return {
    read: (path) => {
      const st = statPath(c, path)
      return st === null || st.dir ? null : st.content
    },
    list: (path) => listDir(c, path),
  }
}
