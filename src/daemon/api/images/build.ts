import { untyped } from '../../errors.ts'
import { shortId } from '../../ids/prng.ts'
import { ChunkQueue } from '../../model/events.ts'
import { parseReference } from '../../model/reference.ts'
import type { ImageRecord, JsonObject } from '../../model/state.ts'
import { untar } from '../../wire/tar.ts'
import { type Handler, isObject } from '../context.ts'
import { JSON_TYPE, stream } from '../http.ts'
import { progressLine, streamError } from './progress.ts'
import { addTag } from './store.ts'

/**
 * POST /build with a tar context holding a Dockerfile. FROM, CMD, ENTRYPOINT, ENV, LABEL,
 * EXPOSE, WORKDIR, USER and RUN (a no-op) are understood; the output mimics the 1.12 builder.
 */
export const build: Handler = (ctx) => {
  const e = ctx.engine
  const dockerfileName = ctx.query.get('dockerfile') || 'Dockerfile'
  const entries = untar(ctx.req.body ?? new Uint8Array())
  const file = entries?.find((x) => x.name.replace(/^\.\//, '') === dockerfileName)
  if (file === undefined) throw untyped(`Cannot locate specified Dockerfile: ${dockerfileName}`)
  const lines = file.content
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  if (lines.length === 0) throw untyped('The Dockerfile (Dockerfile) cannot be empty')
  const q = new ChunkQueue()
  const out = (s: string) => q.push(progressLine({ stream: s }))
  let base: ImageRecord | undefined
  const config: JsonObject = {
    Cmd: null,
    Entrypoint: null,
    Env: [],
    Labels: {},
    WorkingDir: '',
    User: '',
  }
  const historyAdd: Array<{ created: string; createdBy: string; size: number; comment: string }> =
    []
  for (const [i, line] of lines.entries()) {
    const [instrRaw = '', ...rest] = line.split(/\s+/)
    const instr = instrRaw.toUpperCase()
    const args = rest.join(' ')
    out(`Step ${i + 1} : ${instr} ${args}\n`)
    if (i === 0 && instr !== 'FROM') {
      q.push(streamError('Please provide a source image with `from` prior to commit'))
      q.close()
      return stream(q, JSON_TYPE)
    }
    const parseList = (s: string): string[] => {
      try {
        const v = JSON.parse(s) as unknown
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v
      } catch {
        // shell form
      }
      return ['/bin/sh', '-c', s]
    }
    switch (instr) {
      case 'FROM': {
        base = e.registry.findImage(args)
        if (base === undefined) {
          q.push(streamError(`Error: image library/${args} not found`))
          q.close()
          return stream(q, JSON_TYPE)
        }
        Object.assign(config, structuredClone(base.config))
        out(` ---> ${shortId(base.id)}\n`)
        continue
      }
      case 'CMD':
        config.Cmd = parseList(args)
        break
      case 'ENTRYPOINT':
        config.Entrypoint = parseList(args)
        break
      case 'ENV': {
        const m = /^(\S+?)(?:=|\s+)(.*)$/.exec(args)
        if (m?.[1] !== undefined)
          config.Env = [
            ...(Array.isArray(config.Env) ? (config.Env as string[]) : []),
            `${m[1]}=${m[2] ?? ''}`,
          ]
        break
      }
      case 'LABEL': {
        const labels = isObject(config.Labels) ? { ...config.Labels } : {}
        for (const m of args.matchAll(/(\S+?)=("[^"]*"|\S+)/g))
          labels[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '')
        config.Labels = labels
        break
      }
      case 'EXPOSE':
        config.ExposedPorts = {
          ...(isObject(config.ExposedPorts) ? config.ExposedPorts : {}),
          ...Object.fromEntries(
            args.split(/\s+/).map((p) => [p.includes('/') ? p : `${p}/tcp`, {}]),
          ),
        }
        break
      case 'WORKDIR':
        config.WorkingDir = args
        break
      case 'USER':
        config.User = args
        break
      case 'RUN':
        out(` ---> Running in ${e.registry.newId().slice(0, 12)}\n`)
        break
      default:
        break
    }
    historyAdd.push({
      created: e.clock.nowString(),
      createdBy: `/bin/sh -c ${instr === 'RUN' ? args : `#(nop)  ${instr} ${args}`}`,
      size: 0,
      comment: '',
    })
    out(` ---> ${e.registry.newId().slice(0, 12)}\n`)
  }
  const id = `sha256:${e.registry.newId()}`
  const parent = base
  e.registry.putImage({
    id,
    repoTags: [],
    repoDigests: [],
    parent: parent?.id ?? '',
    comment: '',
    created: e.clock.nowString(),
    container: '',
    dockerVersion: e.dockerVersion,
    author: '',
    config,
    architecture: 'amd64',
    os: 'linux',
    size: parent?.size ?? 0,
    history: [...(parent?.history ?? []), ...historyAdd],
    layers: parent?.layers ?? [],
  })
  out(`Successfully built ${shortId(id)}\n`)
  for (const t of ctx.query.getAll('t')) {
    const ref = parseReference(t)
    if (ref !== null) addTag(e, id, `${ref.name}:${ref.tag ?? 'latest'}`)
  }
  q.close()
  return stream(q, JSON_TYPE)
}
