import { noSpaceLeft, storedSize, tempSuffix } from '../../engine/disk.ts'
import { untyped } from '../../errors.ts'
import { parseReference } from '../../model/reference.ts'
import type { JsonObject } from '../../model/state.ts'
import { goQuote } from '../../wire/filters.ts'
import { bodyJSON, checkForJSON, type Handler, isObject } from '../context.ts'
import { pick } from '../create-config/decode-value.ts'
import { CONFIG_KINDS } from '../create-config/fields.ts'
import { json } from '../http.ts'

/** POST /commit: a new image from a container's config and changes. @see moby daemon/commit.go */

export const commit: Handler = (ctx) => {
  const e = ctx.engine
  const containerName = ctx.query.get('container') ?? ''
  // The body (a Config) is optional; decoded only when present and JSON.
  let overrides: JsonObject = {}
  const raw = ctx.req.body
  if (raw !== null && raw.length > 0) {
    checkForJSON(ctx)
    const decoded = bodyJSON(ctx)
    if (isObject(decoded)) overrides = pick(decoded, CONFIG_KINDS)
  }
  const c = e.registry.getContainer(containerName)
  const repo = ctx.query.get('repo') ?? ''
  const tag = ctx.query.get('tag') ?? ''
  let refTag: string | null = null
  if (repo !== '') {
    const ref = parseReference(repo)
    if (ref === null || ref.tag !== null || ref.digest !== null) {
      throw untyped(`Error parsing reference: ${goQuote(repo)} is not a valid repository/tag`)
    }
    if (tag !== '' && !/^[\w][\w.-]{0,127}$/.test(tag)) {
      throw untyped(`Error parsing reference: ${goQuote(tag)} is not a valid repository/tag`)
    }
    refTag = `${ref.name}:${tag === '' ? 'latest' : tag}`
  }
  const parent = e.state.images.get(c.image)
  const id = `sha256:${e.registry.newId()}`
  const now = e.clock.nowString()
  const config: JsonObject = { ...c.config, ...overrides }
  // imageStore.Create writes the image config to imagedb through a temporary file (image/fs.go
  // Set, ioutils.AtomicWriteFile): on a full disk that write fails and nothing is committed.
  if (!e.disk.charge({ kind: 'image', id }, storedSize(config))) {
    const hex = id.slice(7)
    throw noSpaceLeft(
      'write',
      `${e.hostSetup.host.dataRoot}/image/aufs/imagedb/content/sha256/.tmp-${hex}${tempSuffix(hex)}`,
    )
  }
  if (refTag !== null) {
    for (const img of e.state.images.values())
      img.repoTags = img.repoTags.filter((t) => t !== refTag)
  }
  e.registry.putImage({
    id,
    repoTags: refTag === null ? [] : [refTag],
    repoDigests: [],
    parent: parent?.id ?? '',
    comment: ctx.query.get('comment') ?? '',
    created: now,
    container: c.id,
    dockerVersion: e.dockerVersion,
    author: ctx.query.get('author') ?? '',
    config,
    architecture: 'amd64',
    os: 'linux',
    size: (parent?.size ?? 0) + c.sizeRw,
    history: [
      ...(parent?.history ?? []),
      {
        created: now,
        createdBy: [c.path, ...c.args].join(' '),
        size: c.sizeRw,
        comment: ctx.query.get('comment') ?? '',
      },
    ],
    layers: [...(parent?.layers ?? []), `sha256:${e.registry.newId()}`],
  })
  e.events.container(c, 'commit', { comment: ctx.query.get('comment') ?? '' })
  return json(201, { Id: id })
}
