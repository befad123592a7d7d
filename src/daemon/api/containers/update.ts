import { untyped } from '../../errors'
import { parseSignal } from '../../signals'
import { isRunning, type JsonObject } from '../../state'
import { pick, verifySettings } from '../config'
import { bodyJSON, checkForJSON, type Handler, isObject } from '../context'
import { json } from '../http'

const UPDATE_KINDS = {
  BlkioWeight: 'int64',
  CpuShares: 'int64',
  CpuPeriod: 'int64',
  CpuQuota: 'int64',
  CpusetCpus: 'string',
  CpusetMems: 'string',
  Memory: 'int64',
  MemorySwap: 'int64',
  MemoryReservation: 'int64',
  KernelMemory: 'int64',
  RestartPolicy: 'object',
} as const

/**
 * POST /update: the new values are verified (as an update) before the container is looked
 * up; only non-zero values replace the old ones (container.UpdateContainer).
 * @see moby daemon/update.go, container/container_unix.go at v1.12.6
 */
export const update: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  const updates = isObject(body) ? pick(body, UPDATE_KINDS) : {}
  verifySettings(updates, null, (s) => parseSignal(s), true)
  const c = e.getContainer(ctx.param)
  const cannot = (why: string) => untyped(`Cannot update container ${c.id}: ${why}`)
  if (c.state.status === 'dead')
    throw cannot('Container is marked for removal and cannot be "update".')
  if (isRunning(c) && typeof updates.KernelMemory === 'number' && updates.KernelMemory !== 0) {
    throw cannot('Can not update kernel memory to a running container, please stop it first.')
  }
  const merged: JsonObject = { ...c.hostConfig }
  for (const [k, v] of Object.entries(updates)) {
    if (k === 'RestartPolicy') {
      if (isObject(v) && typeof v.Name === 'string' && v.Name !== '') merged.RestartPolicy = v
    } else if (v !== 0 && v !== '' && v !== null) {
      merged[k] = v
    }
  }
  c.hostConfig = merged
  e.containerEvent(c, 'update')
  return json(200, { Warnings: null })
}
