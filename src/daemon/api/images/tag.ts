import { untyped } from '../../errors.ts'
import { parseReference } from '../../model/reference.ts'
import type { Handler } from '../context.ts'
import { emptyOk } from '../http.ts'
import { addTag, getImage } from './store.ts'

/** POST /images/{name}/tag. @see moby daemon/image_tag.go at v1.12.6 */

/** `reference.WithName` + `WithTag` errors for POST /images/{name}/tag. */
function newTag(repo: string, tag: string): string {
  // docker/reference normalize(): the remote name (after an optional registry host) must be lowercase.
  const remote = /^[^/]*[.:][^/]*\//.test(repo) ? repo.slice(repo.indexOf('/') + 1) : repo
  if (remote.toLowerCase() !== remote) throw untyped('repository name must be lowercase')
  const ref = parseReference(repo)
  if (ref === null || ref.tag !== null || ref.digest !== null)
    throw untyped('invalid reference format')
  if (/^[a-f0-9]{64}$/.test(ref.name)) {
    throw untyped(
      `Invalid repository name (${ref.name}), cannot specify 64-byte hexadecimal strings`,
    )
  }
  if (tag !== '' && !/^[\w][\w.-]{0,127}$/.test(tag)) throw untyped('invalid tag format')
  return `${ref.name}:${tag === '' ? 'latest' : tag}`
}

export const tag: Handler = (ctx) => {
  const e = ctx.engine
  const img = getImage(e, ctx.param)
  const ref = newTag(ctx.query.get('repo') ?? '', ctx.query.get('tag') ?? '')
  addTag(e, img.id, ref)
  e.events.emit('image', 'tag', img.id, { name: ref })
  // WriteHeader(201) with nothing written: Go sniffs text/plain for the empty body.
  return emptyOk(201)
}
