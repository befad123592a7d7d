import type { DaemonError } from '../../errors.ts'
import { errorMessage, untyped } from '../../errors.ts'
import { cleanPath, statPath } from '../../model/fs.ts'
import type { ContainerRecord } from '../../model/state.ts'
import { readTar, type TarMember, tar } from '../../wire/tar.ts'
import { bodyJSON, type Ctx, checkForJSON, type Handler, isObject, versionGTE } from '../context.ts'
import { bytes, emptyOk, json } from '../http.ts'

/**
 * A container's filesystem: export, the archive routes, the old copy route and `docker diff`.
 * @see moby daemon/export.go, daemon/archive.go, daemon/changes.go at v1.12.6
 */

function rootfs(c: ContainerRecord): ReturnType<typeof tar> {
  return tar([
    { name: '.dockerenv', content: '' },
    { name: 'bin', dir: true },
    { name: 'bin/sh', content: '#!/bin/busybox\n', mode: 0o755 },
    { name: 'etc', dir: true },
    { name: 'etc/hostname', content: `${String(c.config.Hostname ?? '')}\n` },
    { name: 'etc/hosts', content: '127.0.0.1\tlocalhost\n' },
    { name: 'etc/resolv.conf', content: 'nameserver 8.8.8.8\n' },
    { name: 'tmp', dir: true },
    ...c.files.map((f) => ({ name: f.path.replace(/^\//, ''), content: f.content })),
  ])
}

export const exportContainer: Handler = (ctx) => {
  const e = ctx.engine
  const c = e.registry.getContainer(ctx.param)
  e.events.container(c, 'export')
  // ContainerExport sets no Content-Type; Go sniffs the tar header bytes as binary.
  return bytes(200, rootfs(c), 'application/octet-stream')
}

function pathStatHeader(s: { name: string; size: number; mode: number }): string {
  // base64 of the JSON stat (container/archive.go ContainerPathStat), in X-Docker-Container-Path-Stat.
  const jsonText = JSON.stringify({
    name: s.name,
    size: s.size,
    mode: s.mode,
    mtime: '2017-01-14T12:00:00Z',
    linkTarget: '',
  })
  return btoa(jsonText)
}

function archivePath(ctx: Ctx): string {
  const path = ctx.query.get('path') ?? ''
  // httputils.ArchiveFormValues: untyped, 400 through the `bad parameter` keyword.
  if (path === '') throw untyped("bad parameter: 'path' cannot be empty")
  return path
}

/** @see moby daemon/archive.go: a missing path is `lstat …: no such file or directory` (404). */
function noSuchPath(c: ContainerRecord, path: string): DaemonError {
  return untyped(`lstat /var/lib/docker/aufs/mnt/${c.id}${path}: no such file or directory`)
}

/** The container, the `path` parameter, then what is at that path: the archive routes' order. */
function archiveTarget(ctx: Ctx) {
  const c = ctx.engine.registry.getContainer(ctx.param)
  const path = archivePath(ctx)
  const s = statPath(c, path)
  if (s === null) throw noSuchPath(c, path)
  return { c, path, s }
}

export const archiveHead: Handler = (ctx) => {
  const { s } = archiveTarget(ctx)
  return { status: 200, headers: { 'x-docker-container-path-stat': pathStatHeader(s) }, body: null }
}

export const archiveGet: Handler = (ctx) => {
  const e = ctx.engine
  const { c, path, s } = archiveTarget(ctx)
  // Resolved in the container's root, like the PUT: `/tmp/../etc` is /etc.
  const dir = cleanPath(path)
  const prefix = dir === '/' ? '/' : `${dir}/`
  const body = s.dir
    ? tar([
        { name: s.name, dir: true },
        ...c.files
          .filter((f) => f.path.startsWith(prefix))
          .map((f) => ({ name: `${s.name}/${f.path.slice(prefix.length)}`, content: f.content })),
      ])
    : tar([{ name: s.name, content: s.content }])
  e.events.container(c, 'archive-path')
  return {
    status: 200,
    headers: {
      'content-type': 'application/x-tar',
      'x-docker-container-path-stat': pathStatHeader(s),
    },
    body,
  }
}

export const archivePut: Handler = (ctx) => {
  const e = ctx.engine
  const { c, path, s } = archiveTarget(ctx)
  if (!s.dir) throw untyped(`extraction point is not a directory`)
  // ErrRootFSReadOnly has no HTTP status in 1.12: 500, although the doc lists 403.
  if (c.hostConfig.ReadonlyRootfs === true) throw untyped('container rootfs is marked read-only')
  // GetResourcePath: the path is joined in the scope of the container's root, so
  // `path=../../etc` is /etc, never a literal `../../etc`.
  const dir = cleanPath(path)
  const read = readTar(ctx.req.body ?? new Uint8Array())
  const failed = (reason: string) => untyped(`Error processing tar file(exit status 1): ${reason}`)
  for (const member of read.members) extractMember(c, dir, member)
  // docker-untar extracted the members before the bad header, then failed (no event).
  if (read.error !== null) throw failed(read.error)
  e.events.container(c, 'extract-to-dir')
  return emptyOk()
}

/**
 * One member as chrootarchive.Untar extracts it at v1.12.6: the docker-untar child chroots into
 * the extraction directory and unpacks to "/", so a name is cleaned (filepath.Clean) and joined
 * to "/" — `../../../tmp/x`, `a/../../b` and `/etc/passwd` all land *inside* the directory
 * (at /tmp/x, /b, /etc/passwd under it). pkg/archive's breakout checks compare against "/" there
 * and never fire. A hard link's target is resolved the same way; a missing one is os.Link's
 * error (404 through "no such"). Symbolic links, devices and FIFOs are not modelled (skipped).
 * @see moby pkg/chrootarchive/archive_unix.go untar, pkg/archive/archive.go Unpack, createTarFile
 */
function extractMember(c: ContainerRecord, dir: string, member: TarMember): void {
  const inChroot = cleanPath(member.name)
  if (inChroot === '/' || member.type === 'dir') return // directories exist implicitly
  const target = dir === '/' ? inChroot : `${dir}${inChroot}`
  let content = member.content
  if (member.type === 'link') {
    const linkInChroot = cleanPath(member.linkname)
    const source = statPath(c, dir === '/' ? linkInChroot : `${dir}${linkInChroot}`)
    if (source === null || source.dir) {
      const reason = source === null ? 'no such file or directory' : 'operation not permitted'
      throw untyped(
        `Error processing tar file(exit status 1): link ${linkInChroot} ${inChroot}: ${reason}`,
      )
    }
    content = source.content
  } else if (member.type !== 'file') {
    return
  }
  const existed = statPath(c, target) !== null
  c.files = c.files.filter((f) => f.path !== target)
  c.files.push({ path: target, content })
  recordChange(c, target, existed ? 0 : 1)
  c.sizeRw += content.length
}

/** `docker diff` kinds: 0 = changed, 1 = added, 2 = deleted; parent directories count as changed. */
function recordChange(c: ContainerRecord, path: string, kind: 0 | 1 | 2): void {
  const parts = path.split('/').filter((x) => x !== '')
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`
    if (!c.changes.some((x) => x.Path === dir)) c.changes.push({ Path: dir, Kind: 0 })
  }
  const existing = c.changes.find((x) => x.Path === path)
  if (existing === undefined) c.changes.push({ Path: path, Kind: kind })
  c.changes.sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0))
}

/**
 * POST /containers/{id}/copy: removed at API 1.24 — the handler calls `w.WriteHeader(404)` and
 * writes nothing. Go's server then ends the response itself: `Content-Length: 0` and the type
 * sniffed from no bytes (text/plain), so the model answers an empty string body (which the
 * transports send with `content-length: 0`), not `null` (a body of unknown length: chunked).
 * Older versions copy the resource out as a tar.
 * @see moby api/server/router/container/copy.go at v1.12.6
 */
const bareNotFound = () => emptyOk(404)

export const copy: Handler = (ctx) => {
  if (versionGTE(ctx, '1.24')) return bareNotFound()
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const resource = isObject(body) && typeof body.Resource === 'string' ? body.Resource : ''
  if (resource === '') throw untyped('Path cannot be empty')
  let c: ContainerRecord
  try {
    c = e.registry.getContainer(ctx.param)
  } catch (err) {
    // "no such container" → a bare 404 with no body (copy.go).
    if (/no such container/i.test(errorMessage(err))) return bareNotFound()
    throw err
  }
  const s = statPath(c, resource)
  if (s === null) throw untyped(`Could not find the file ${resource} in container ${ctx.param}`)
  e.events.container(c, 'copy')
  return bytes(200, tar([{ name: s.name, content: s.content, dir: s.dir }]), 'application/x-tar')
}

export const changes: Handler = (ctx) => {
  const c = ctx.engine.registry.getContainer(ctx.param)
  return json(200, c.changes.length > 0 ? c.changes : null)
}
