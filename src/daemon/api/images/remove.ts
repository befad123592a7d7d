import type { Engine } from '../../engine.ts'
import { conflict, type DaemonError, notFound, untyped } from '../../errors.ts'
import { shortId } from '../../ids/prng.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import { goQuote } from '../../wire/filters.ts'
import { boolValue, type Handler } from '../context.ts'
import { json } from '../http.ts'
import { childrenOf, refName } from './store.ts'

/** DELETE /images/{name}. @see moby daemon/image_delete.go at v1.12.6 */

export const remove: Handler = (ctx) => {
  const e = ctx.engine
  const name = ctx.param
  if (name.trim() === '') throw untyped('image name cannot be blank')
  const force = boolValue(ctx, 'force')
  const prune = !boolValue(ctx, 'noprune')
  const img = e.registry.findImage(name)
  if (img === undefined) {
    if (name.includes('@') || name.startsWith('sha256:')) throw notFound(`No such image: ${name}`)
    const ref = parseReference(name)
    if (ref === null) throw notFound(`No such image: ${name}:latest`)
    throw notFound(`No such image: ${ref.name}:${ref.tag ?? 'latest'}`)
  }
  const records: JsonObject[] = []
  const usedBy = (running: boolean | null) =>
    [...e.state.containers.values()].find(
      (c) =>
        c.image === img.id &&
        (running === null ||
          (c.state.status === 'running' ||
            c.state.status === 'paused' ||
            c.state.status === 'restarting') === running),
    )
  const isIdPrefix = img.id.startsWith(name) || img.id.slice(7).startsWith(name)
  const refs = [...img.repoTags, ...img.repoDigests]
  const single = isSingleReference(refs)
  if (!isIdPrefix) {
    if (!force && single) {
      const c = usedBy(null)
      if (c !== undefined) {
        throw conflict(
          `conflict: unable to remove repository reference ${goQuote(name)} (must force) - container ${shortId(c.id)} is using its referenced image ${shortId(img.id)}`,
        )
      }
    }
    const ref = parseReference(name)
    if (ref === null) throw referenceError(name)
    const full =
      ref.digest !== null ? `${ref.name}@${ref.digest}` : `${ref.name}:${ref.tag ?? 'latest'}`
    img.repoTags = img.repoTags.filter((t) => t !== full)
    img.repoDigests = img.repoDigests.filter((t) => t !== full)
    e.registry.imagesChanged()
    records.push({ Untagged: full })
    e.events.emit('image', 'untag', img.id, { name: img.id })
    if (ref.digest === null && !img.repoTags.some((t) => refName(t) === ref.name)) {
      // The last tag of a repository takes the repository's digest references with it.
      for (const d of img.repoDigests.filter((x) => refName(x) === ref.name)) {
        records.push({ Untagged: d })
      }
      img.repoDigests = img.repoDigests.filter((x) => refName(x) !== ref.name)
    }
    if (img.repoTags.length + img.repoDigests.length > 0) return json(200, records)
    deleteHelper(e, img, records, force, prune, true)
    return json(200, records)
  }
  if (single) {
    const hard = hardConflict(e, img)
    const soft = force ? null : stoppedConflict(e, img)
    if (hard !== null) throw hard
    if (soft !== null) throw soft
    for (const r of refs) {
      records.push({ Untagged: r })
      e.events.emit('image', 'untag', img.id, { name: img.id })
    }
    img.repoTags = []
    img.repoDigests = []
    e.registry.imagesChanged()
  }
  deleteHelper(e, img, records, force, prune, false)
  return json(200, records)
}

function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1
  const canonical = new Set(refs.filter((r) => r.includes('@')).map(refName))
  const tagged = refs.filter((r) => !r.includes('@'))
  if (tagged.length > 1) return false
  const single = tagged[0] ?? refs[0] ?? ''
  return canonical.size === 1 && canonical.has(refName(single))
}

function imageConflict(img: ImageRecord, hard: boolean, message: string): DaemonError {
  return untyped(
    `conflict: unable to delete ${shortId(img.id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`,
  )
}

function hardConflict(e: Engine, img: ImageRecord): DaemonError | null {
  if (childrenOf(e, img.id).length > 0)
    return imageConflict(img, true, 'image has dependent child images')
  for (const c of e.state.containers.values()) {
    if (c.image === img.id && ['running', 'paused', 'restarting'].includes(c.state.status)) {
      return imageConflict(img, true, `image is being used by running container ${shortId(c.id)}`)
    }
  }
  return null
}

function stoppedConflict(e: Engine, img: ImageRecord): DaemonError | null {
  if (img.repoTags.length + img.repoDigests.length > 0) {
    return imageConflict(img, false, 'image is referenced in one or more repositories')
  }
  for (const c of e.state.containers.values()) {
    if (c.image === img.id && !['running', 'paused', 'restarting'].includes(c.state.status)) {
      return imageConflict(img, false, `image is being used by stopped container ${shortId(c.id)}`)
    }
  }
  return null
}

/** `imageDeleteHelper`: conflicts, then untag everything, delete, and prune untagged parents. */
function deleteHelper(
  e: Engine,
  img: ImageRecord,
  records: JsonObject[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): void {
  const conflictErr = hardConflict(e, img) ?? (force ? null : stoppedConflict(e, img))
  if (conflictErr !== null) {
    const dangling =
      img.repoTags.length + img.repoDigests.length === 0 && childrenOf(e, img.id).length === 0
    const used = /being used/.test(conflictErr.message)
    if (quiet && (!dangling || used)) return
    throw conflictErr
  }
  for (const r of [...img.repoTags, ...img.repoDigests]) {
    records.push({ Untagged: r })
    e.events.emit('image', 'untag', img.id, { name: img.id })
  }
  const parentId = img.parent
  e.registry.deleteImage(img.id)
  e.events.emit('image', 'delete', img.id, { name: img.id })
  records.push({ Deleted: img.id })
  const shared = new Set<string>()
  for (const other of e.state.images.values()) for (const l of other.layers) shared.add(l)
  for (const l of img.layers) if (!shared.has(l)) records.push({ Deleted: l })
  if (!prune || parentId === '') return
  const parent = e.state.images.get(parentId)
  if (parent !== undefined) deleteHelper(e, parent, records, false, true, true)
}
