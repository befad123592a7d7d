import { errorMessage, untyped } from '../../errors.ts'
import { ChunkQueue } from '../../model/events.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import { decodeJSON } from '../../wire/json.ts'
import { type Handler, isObject } from '../context.ts'
import { JSON_TYPE, stream } from '../http.ts'
import { progressLine, streamError } from './progress.ts'
import { pseudoHex } from './registry.ts'
import { refName } from './store.ts'

/** POST /images/{name}/push, to a registry that wants a login. */

export const push: Handler = (ctx) => {
  const e = ctx.engine
  const auth = ctx.req.headers['x-registry-auth'] ?? ''
  let authConfig: Record<string, unknown> = {}
  if (auth !== '') {
    try {
      const decoded = decodeJSON(atob(auth.replace(/-/g, '+').replace(/_/g, '/')))
      if (isObject(decoded)) authConfig = decoded
    } catch {
      authConfig = {}
    }
  } else {
    try {
      const decoded = decodeJSON(new TextDecoder().decode(ctx.req.body ?? new Uint8Array()))
      if (isObject(decoded)) authConfig = decoded
    } catch (err) {
      throw untyped(`Bad parameters and missing X-Registry-Auth: ${errorMessage(err)}`)
    }
  }
  const ref = parseReference(ctx.param)
  if (ref === null) throw referenceError(ctx.param)
  const remote = ref.name.includes('/') ? ref.name : `library/${ref.name}`
  const host = /^[^/]*[.:]/.test(remote) ? '' : 'docker.io/'
  const q = new ChunkQueue()
  q.push(progressLine({ status: `The push refers to a repository [${host}${remote}]` }))
  const tagParam = ctx.query.get('tag') ?? ''
  const tags = [...e.state.images.values()].flatMap((img) =>
    img.repoTags
      .filter(
        (t) => refName(t) === ref.name && (tagParam === '' || t === `${ref.name}:${tagParam}`),
      )
      .map((t) => ({ t, img })),
  )
  if (tags.length === 0) {
    q.push(streamError(`An image does not exist locally with the tag: ${ref.name}`))
  } else if (typeof authConfig.username !== 'string' || authConfig.username === '') {
    for (const l of tags[0]?.img.layers ?? [])
      q.push(progressLine({ status: 'Preparing', progressDetail: {}, id: l.slice(7, 19) }))
    q.push(streamError('unauthorized: authentication required'))
  } else {
    for (const { t, img } of tags) {
      for (const l of img.layers)
        q.push(
          progressLine({ status: 'Layer already exists', progressDetail: {}, id: l.slice(7, 19) }),
        )
      const d = pseudoHex(`${t}#pushed`)
      q.push(progressLine({ status: `${t.split(':').pop()}: digest: sha256:${d} size: 527` }))
      q.push(
        progressLine({
          progressDetail: {},
          aux: { Tag: t.split(':').pop() ?? '', Digest: `sha256:${d}`, Size: 527 },
        }),
      )
    }
    e.events.emit('image', 'push', ref.name, { name: ref.name })
  }
  q.close()
  return stream(q, JSON_TYPE)
}
