import type { ContainerRecord } from './state.ts'

/**
 * The little filesystem a container appears to have: a busybox-like skeleton plus the files
 * copied in through PUT /archive. Used by archive/copy/export, and by processes through
 * engine/process-input.ts (`cat`, `ls`, `cd`, `test -f`).
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

/**
 * Whether a cleaned path is part of the image's own skeleton (a directory or file every
 * container has), whatever was copied in: a constant-time test, unlike `statPath`, which scans
 * the copied files.
 */
export function inSkeleton(clean: string): boolean {
  return (
    KNOWN_DIRS.includes(clean) || Object.hasOwn(KNOWN_FILES, clean) || clean === '/etc/hostname'
  )
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

/**
 * The container's /etc/hostname, /etc/hosts and /etc/resolv.conf as Docker bind-mounts them:
 * the files of the container (or of the one whose network it joined), where known.
 */
export interface EtcFiles {
  hostname?: string | undefined
  hosts?: string | undefined
  resolvConf?: string | undefined
}

export interface PathStat {
  name: string
  size: number
  mode: number
  dir: boolean
  content: string
}

export function statPath(c: ContainerRecord, path: string, etc: EtcFiles = {}): PathStat | null {
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
      ? (etc.hosts ??
        `${KNOWN_FILES['/etc/hosts']}${ip === undefined ? '' : `${ip}\t${String(c.config.Hostname ?? '')}\n`}`)
      : undefined
  const known =
    clean === '/etc/hostname'
      ? (etc.hostname ?? `${String(c.config.Hostname ?? '')}\n`)
      : clean === '/etc/resolv.conf'
        ? (etc.resolvConf ?? KNOWN_FILES[clean])
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
