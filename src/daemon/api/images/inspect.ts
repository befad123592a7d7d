import { notFound } from '../../errors.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import type { Handler } from '../context.ts'
import { json } from '../http.ts'
import { getImage } from './store.ts'

/** GET /images/{name}/json and /history. @see moby daemon/image.go, daemon/image_history.go */

export function imageInspectJSON(img: ImageRecord): JsonObject {
  return {
    Id: img.id,
    RepoTags: img.repoTags,
    RepoDigests: img.repoDigests,
    Parent: img.parent,
    Comment: img.comment,
    Created: img.created,
    Container: img.container,
    ContainerConfig: {
      ...img.config,
      Cmd: ['/bin/sh', '-c', img.history.at(-1)?.createdBy.replace(/^\/bin\/sh -c /, '') ?? ''],
    },
    DockerVersion: img.dockerVersion,
    Author: img.author,
    Config: img.config,
    Architecture: img.architecture,
    Os: img.os,
    Size: img.size,
    VirtualSize: img.size,
    GraphDriver: { Name: 'aufs', Data: null },
    RootFS: { Type: 'layers', Layers: img.layers },
  }
}

/** `LookupImage` replaces every failure with `No such image: <name as given>` (typed 404). */
export const inspect: Handler = (ctx) => {
  const img = ctx.engine.registry.findImage(ctx.param)
  if (img === undefined) throw notFound(`No such image: ${ctx.param}`)
  return json(200, imageInspectJSON(img))
}

export const history: Handler = (ctx) => {
  const e = ctx.engine
  const img = getImage(e, ctx.param)
  const rows = img.history
    .map((h, i) => ({
      Id: i === img.history.length - 1 ? img.id : '<missing>',
      Created: Math.floor(Date.parse(h.created) / 1000),
      CreatedBy: h.createdBy,
      Tags: i === img.history.length - 1 ? img.repoTags : null,
      Size: h.size,
      Comment: h.comment,
    }))
    .reverse()
  return json(200, rows)
}
