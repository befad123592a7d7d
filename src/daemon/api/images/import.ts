import { untyped } from '../../errors.ts'
import { ChunkQueue } from '../../model/events.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import type { DaemonResponse } from '../../types.ts'
import { untar } from '../../wire/tar.ts'
import type { Ctx } from '../context.ts'
import { JSON_TYPE, stream } from '../http.ts'
import { progressLine, streamError } from './progress.ts'
import { addTag } from './store.ts'

/** POST /images/create?fromSrc=-: import a tarball from the body as a one-layer image. */
export function importImage(ctx: Ctx): DaemonResponse {
  const e = ctx.engine
  const src = ctx.query.get('fromSrc') ?? ''
  const repo = ctx.query.get('repo') ?? ''
  const tagParam = ctx.query.get('tag') ?? ''
  let ref: string | null = null
  if (repo !== '') {
    const parsed = parseReference(repo)
    if (parsed === null) throw referenceError(repo)
    if (parsed.digest !== null) throw untyped('cannot import digest reference')
    ref = `${parsed.name}:${tagParam || parsed.tag || 'latest'}`
  }
  if (src !== '-') {
    // Downloading needs the network: the daemon reports the failed GET (in-stream, after the
    // first status line).
    const q = new ChunkQueue()
    q.push(progressLine({ status: `Downloading from http://${src}` }))
    q.push(streamError(`Get http://${src}: dial tcp: lookup ${src} on 127.0.1.1:53: no such host`))
    q.close()
    return stream(q, JSON_TYPE)
  }
  const entries = untar(ctx.req.body ?? new Uint8Array())
  if (entries === null) throw untyped('archive/tar: invalid tar header')
  const id = `sha256:${e.registry.newId()}`
  const now = e.clock.nowString()
  const msg = ctx.query.get('message') || `Imported from ${src}`
  e.registry.putImage({
    id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: msg,
    created: now,
    container: '',
    dockerVersion: e.dockerVersion,
    author: '',
    config: { Cmd: null, Entrypoint: null, Env: null, Labels: {} },
    architecture: 'amd64',
    os: 'linux',
    size: entries.reduce((n, x) => n + x.content.length, 0),
    history: [{ created: now, createdBy: '', size: 0, comment: msg }],
    layers: [`sha256:${e.registry.newId()}`],
  })
  if (ref !== null) addTag(e, id, ref)
  e.events.emit('image', 'import', id, { name: id })
  const q = new ChunkQueue()
  q.push(progressLine({ status: id }))
  q.close()
  return stream(q, JSON_TYPE)
}
