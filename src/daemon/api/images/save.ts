import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import { parseReference } from '../../model/reference.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import { tar } from '../../wire/tar.ts'
import type { Handler } from '../context.ts'
import { imageInspectJSON } from './inspect.ts'
import { refName } from './store.ts'

/** GET /images/{name}/get and /images/get: `docker save` archives. @see moby image/tarexport/save.go */

function imageTar(e: Engine, names: string[]): Uint8Array {
  const imgs: Array<{ img: ImageRecord; tags: string[] }> = []
  for (const name of names) {
    const img = e.registry.findImage(name)
    if (img === undefined) throw untyped(`reference does not exist`)
    const ref = parseReference(name)
    const tags =
      ref !== null && !img.id.includes(name)
        ? [`${ref.name}:${ref.tag ?? 'latest'}`].filter((t) => img.repoTags.includes(t))
        : []
    imgs.push({
      img,
      tags:
        tags.length > 0
          ? tags
          : ref?.tag == null && ref !== null
            ? img.repoTags.filter((t) => refName(t) === ref.name)
            : tags,
    })
  }
  const manifest = imgs.map(({ img, tags }) => ({
    Config: `${img.id.slice(7)}.json`,
    RepoTags: tags.length > 0 ? tags : null,
    Layers: img.layers.map((l) => `${l.slice(7)}/layer.tar`),
  }))
  return tar([
    ...imgs.flatMap(({ img }) => [
      { name: `${img.id.slice(7)}.json`, content: JSON.stringify(imageConfigJSON(img)) },
      ...img.layers.flatMap((l) => [
        { name: l.slice(7), dir: true },
        { name: `${l.slice(7)}/VERSION`, content: '1.0' },
        { name: `${l.slice(7)}/layer.tar`, content: '' },
      ]),
    ]),
    { name: 'manifest.json', content: JSON.stringify(manifest) },
  ])
}

export const get: Handler = (ctx) => {
  const body = imageTar(ctx.engine, [ctx.param])
  return { status: 200, headers: { 'content-type': 'application/x-tar' }, body }
}

export const getAll: Handler = (ctx) => {
  const names = ctx.query.getAll('names')
  const body = imageTar(ctx.engine, names)
  return { status: 200, headers: { 'content-type': 'application/x-tar' }, body }
}

/** The image config as `docker save` writes it (image/image.go Image, lower-case keys). */
function imageConfigJSON(img: ImageRecord): JsonObject {
  return {
    architecture: img.architecture,
    author: img.author,
    comment: img.comment,
    config: img.config,
    container: img.container,
    container_config: imageInspectJSON(img).ContainerConfig ?? {},
    created: img.created,
    docker_version: img.dockerVersion,
    history: img.history.map((h) => ({ created: h.created, created_by: h.createdBy })),
    os: img.os,
    rootfs: { type: 'layers', diff_ids: img.layers },
  }
}
