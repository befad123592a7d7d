import { untyped } from '../../errors.ts'
import { ChunkQueue } from '../../model/events.ts'
import { parseReference, referenceError } from '../../model/reference.ts'
import { registryImageConfig, seedImages } from '../../model/seed.ts'
import type { ImageRecord } from '../../model/state.ts'
import type { Handler } from '../context.ts'
import { JSON_TYPE, stream } from '../http.ts'
import { importImage } from './import.ts'
import { bar, progressLine } from './progress.ts'
import { CMD_OF, pseudoHex } from './registry.ts'
import { addTag } from './store.ts'

/**
 * POST /images/create?fromImage=: a pull from a registry that has every well-formed image.
 * Reference errors come before anything is streamed (500 JSON error); then a JSON-lines
 * progress stream like distribution/pull_v2.go writes it.
 */
export const create: Handler = (ctx) => {
  const e = ctx.engine
  const fromImage = ctx.query.get('fromImage') ?? ''
  if (fromImage === '') return importImage(ctx)
  const image = fromImage.replace(/:$/, '')
  const ref = parseReference(image)
  if (ref === null) throw referenceError(image)
  const tagParam = ctx.query.get('tag') ?? ''
  let tagName = ref.tag ?? 'latest'
  let digest = ref.digest
  if (tagParam !== '') {
    if (/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/.test(tagParam))
      digest = tagParam
    else if (!/^[\w][\w.-]{0,127}$/.test(tagParam)) throw untyped('invalid tag format')
    else tagName = tagParam
  }
  const full = digest !== null ? `${ref.name}@${digest}` : `${ref.name}:${tagName}`
  const remote = ref.name.includes('/') ? ref.name : `library/${ref.name}`
  // The simulated registry has every repository except names starting with "doesnotexist",
  // "nosuch" or "notfound": those end like distribution/pull_v1.go after the v2 → v1
  // fallback, before anything is streamed (404 through the `not found` keyword).
  if (/(^|\/)(doesnotexist|nosuch|notfound)[^/]*$/.test(ref.name)) {
    throw untyped(`Error: image ${remote}:${tagName} not found`)
  }
  // The seeded repositories (busybox, nginx, alpine) are served as seeded: same config, id,
  // layers and digest, so a re-pull after `rmi` gives the image back unchanged and pull and
  // rmi report the same digest.
  const seeded = seedImages().find((s) =>
    digest !== null ? s.repoDigests.includes(full) : s.repoTags.includes(full),
  )
  const repoDigest =
    seeded?.repoDigests[0] ??
    `${ref.name}@sha256:${digest?.replace(/^sha256:/, '') ?? pseudoHex(`${full}#digest`)}`
  const q = new ChunkQueue()
  q.push(
    progressLine({
      status: `Pulling from ${remote.replace(/^[^/]*[.:][^/]*\//, '')}`,
      id: digest ?? tagName,
    }),
  )
  const existing = e.registry.findImage(full)
  if (existing !== undefined) {
    q.push(progressLine({ status: `Digest: ${repoDigest.split('@')[1]}` }))
    q.push(progressLine({ status: `Status: Image is up to date for ${full}` }))
    q.close()
    return stream(q, JSON_TYPE)
  }
  const known = CMD_OF[ref.name] ?? { cmd: ['sh'], size: 5_000_000 }
  const layerIds =
    seeded !== undefined
      ? seeded.layers.map((l) => l.replace(/^sha256:/, ''))
      : [pseudoHex(`${full}#layer0`), pseudoHex(`${full}#layer1`)]
  const size = seeded?.size ?? known.size
  for (const l of layerIds)
    q.push(progressLine({ status: 'Pulling fs layer', progressDetail: {}, id: l.slice(0, 12) }))
  for (const [i, l] of layerIds.entries()) {
    const total = i === 0 ? Math.round(size * 0.3) : Math.round(size * 0.03) + 32
    const id12 = l.slice(0, 12)
    q.push(
      progressLine({
        status: 'Downloading',
        progressDetail: { current: Math.round(total / 2), total },
        progress: bar(Math.round(total / 2), total),
        id: id12,
      }),
    )
    q.push(progressLine({ status: 'Verifying Checksum', progressDetail: {}, id: id12 }))
    q.push(progressLine({ status: 'Download complete', progressDetail: {}, id: id12 }))
  }
  for (const [i, l] of layerIds.entries()) {
    const total = i === 0 ? size : 32
    const id12 = l.slice(0, 12)
    q.push(
      progressLine({
        status: 'Extracting',
        progressDetail: { current: total, total },
        progress: bar(total, total),
        id: id12,
      }),
    )
    q.push(progressLine({ status: 'Pull complete', progressDetail: {}, id: id12 }))
  }
  q.push(progressLine({ status: `Digest: ${repoDigest.split('@')[1]}` }))
  q.push(progressLine({ status: `Status: Downloaded newer image for ${full}` }))
  q.close()
  const id = seeded?.id ?? `sha256:${pseudoHex(`${full}#config`)}`
  const created = '2016-12-15T20:31:00.000000000Z'
  const img: ImageRecord =
    seeded !== undefined
      ? { ...seeded, repoTags: [] }
      : {
          id,
          repoTags: digest !== null ? [] : [full],
          repoDigests: [repoDigest],
          parent: '',
          comment: '',
          created,
          container: '',
          dockerVersion: '1.12.3',
          author: '',
          config: registryImageConfig({
            env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
            cmd: known.cmd.length > 0 ? known.cmd : null,
            entrypoint: known.entrypoint ?? null,
            exposedPorts:
              known.ports !== undefined
                ? Object.fromEntries(known.ports.map((p) => [p, {}]))
                : undefined,
          }),
          architecture: 'amd64',
          os: 'linux',
          size: known.size,
          history: [
            {
              created,
              createdBy: `/bin/sh -c #(nop) ADD file:${pseudoHex(`${full}#file`)} in / `,
              size: known.size,
              comment: '',
            },
            {
              created,
              createdBy: `/bin/sh -c #(nop)  CMD ${JSON.stringify(known.cmd)}`,
              size: 0,
              comment: '',
              emptyLayer: true,
            },
          ],
          layers: layerIds.map((l) => `sha256:${l}`),
        }
  const same = e.state.images.get(id)
  if (same !== undefined) {
    if (digest === null) addTag(e, id, full)
  } else {
    e.registry.putImage(img)
    if (digest === null) addTag(e, id, full)
  }
  e.events.emit('image', 'pull', full, { name: full })
  return stream(q, JSON_TYPE)
}
