import type { JsonObject } from '../../model/state.ts'

/**
 * Reading a decoded Config or HostConfig field as Go would see it: a missing or null value is
 * the zero value. Apart because the wrapper, the defaults, the checks and the container
 * handlers all read decoded values this way.
 */

export const num = (o: JsonObject | null, k: string): number => {
  const v = o?.[k]
  return typeof v === 'number' ? v : 0
}
export const str = (o: JsonObject | null, k: string): string => {
  const v = o?.[k]
  return typeof v === 'string' ? v : ''
}
export const strs = (o: JsonObject | null, k: string): string[] => {
  const v = o?.[k]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
