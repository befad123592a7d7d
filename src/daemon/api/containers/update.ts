import { untyped } from '../../errors.ts'
import { isRunning, type JsonObject } from '../../model/state.ts'
import { parseSignal } from '../../signals.ts'
import { jsonKind, typeError } from '../../wire/json.ts'
import { bodyJSON, checkForJSON, type Handler, isObject } from '../context.ts'
import { pick } from '../create-config/decode-value.ts'
import { withZeroValues } from '../create-config/defaults.ts'
import { HOST_CONFIG_KINDS } from '../create-config/fields.ts'
import { json } from '../http.ts'
import { verifySettings } from '../verify-settings.ts'

/** container.UpdateConfig: the whole of Resources (all verified) plus RestartPolicy. */
const UPDATE_FIELDS = [
  'CpuShares',
  'Memory',
  'CgroupParent',
  'BlkioWeight',
  'CpuPeriod',
  'CpuQuota',
  'CpusetCpus',
  'CpusetMems',
  'DiskQuota',
  'KernelMemory',
  'MemoryReservation',
  'MemorySwap',
  'MemorySwappiness',
  'OomKillDisable',
  'PidsLimit',
  'CpuCount',
  'CpuPercent',
  'IOMaximumIOps',
  'IOMaximumBandwidth',
  'RestartPolicy',
] as const
const UPDATE_KINDS = Object.fromEntries(
  UPDATE_FIELDS.map((k) => [k, HOST_CONFIG_KINDS[k] ?? 'int64']),
)

/** The fields container.UpdateContainer copies when non-zero (container/container_unix.go). */
const APPLIED = [
  'BlkioWeight',
  'CpuShares',
  'CpuPeriod',
  'CpuQuota',
  'CpusetCpus',
  'CpusetMems',
  'Memory',
  'MemorySwap',
  'MemoryReservation',
  'KernelMemory',
] as const

/**
 * POST /update: the new values are verified (as an update) before the container is looked
 * up; only non-zero values replace the old ones (container.UpdateContainer).
 * @see moby daemon/update.go, container/container_unix.go at v1.12.6
 */
export const update: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const body = bodyJSON(ctx)
  // Decoding into the struct: null leaves it zero, any other non-object is a type error.
  if (body !== null && !isObject(body)) throw typeError(jsonKind(body), 'container.UpdateConfig')
  const updates = withZeroValues(isObject(body) ? pick(body, UPDATE_KINDS) : {})
  const warnings = verifySettings(updates, null, (s) => parseSignal(s), true)
  const c = e.registry.getContainer(ctx.param)
  const cannot = (why: string) => untyped(`Cannot update container ${c.id}: ${why}`)
  if (c.state.status === 'dead')
    throw cannot('Container is marked for removal and cannot be "update".')
  if (isRunning(c) && typeof updates.KernelMemory === 'number' && updates.KernelMemory !== 0) {
    throw cannot('Can not update kernel memory to a running container, please stop it first.')
  }
  const merged: JsonObject = { ...c.hostConfig }
  for (const k of APPLIED) {
    const v = updates[k]
    if (v !== undefined && v !== 0 && v !== '' && v !== null) merged[k] = v
  }
  const policy = updates.RestartPolicy
  if (isObject(policy) && typeof policy.Name === 'string' && policy.Name !== '')
    merged.RestartPolicy = policy
  c.hostConfig = merged
  e.events.container(c, 'update')
  return json(200, { Warnings: warnings })
}
