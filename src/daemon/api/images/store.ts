import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import type { ImageRecord } from '../../model/state.ts'

/** Image store look-ups and tag moves that several image routes share. */

/** `ErrImageDoesNotExist`: "no such id: X" (404 through the `no such` keyword). */
const noSuchId = (name: string) => untyped(`no such id: ${name}`)

/** `daemon.GetImage`: parse errors pass through; anything unknown is "no such id". */
export function getImage(e: Engine, name: string): ImageRecord {
  const img = e.registry.findImage(name)
  if (img !== undefined) return img
  if (!/^sha256:/.test(name) && parseReference(name) === null) throw referenceError(name)
  throw noSuchId(name)
}

/** Images whose parent is `id` (an image with children cannot be deleted, and is not dangling). */
export function childrenOf(e: Engine, id: string): ImageRecord[] {
  const out: ImageRecord[] = []
  for (const img of e.state.images.values()) if (img.parent === id) out.push(img)
  return out
}

/** `repo:tag` or `repo@digest` → `repo`. */
export const refName = (ref: string) => ref.replace(/[@:][^/]*$/, '')

/** Moves a `repo:tag` to `id` (the reference store always forces since 1.10). */
export function addTag(e: Engine, id: string, ref: string): void {
  for (const other of e.state.images.values()) {
    if (other.id !== id && other.repoTags.includes(ref))
      other.repoTags = other.repoTags.filter((t) => t !== ref)
  }
  const img = e.state.images.get(id)
  if (img !== undefined && !img.repoTags.includes(ref)) img.repoTags = [...img.repoTags, ref]
  e.registry.imagesChanged()
}
