/**
 * Pure version math for Docker API versions ("1.24"). Versions compare numerically field by
 * field, never as text: "1.9" < "1.10" < "1.24". Docker does the same
 * (@see engine-api types/versions/compare.go at Docker v1.12.6).
 */
import type { ApiVersion } from './schemas/common.ts'

const API_VERSION = /^(\d+)\.(\d+)$/

/** [major, minor] of "1.24"; throws on anything that is not "<int>.<int>". */
export function parseApi(version: string): readonly [number, number] {
  const match = API_VERSION.exec(version)
  if (!match) throw new Error(`not an API version: "${version}" (expected e.g. "1.24")`)
  return [Number(match[1]), Number(match[2])]
}

export function isApiVersion(value: string): value is ApiVersion {
  return API_VERSION.test(value)
}

/** Negative when a < b, 0 when equal, positive when a > b. Usable as an Array.sort comparator. */
export function compareApi(a: string, b: string): number {
  const [aMajor, aMinor] = parseApi(a)
  const [bMajor, bMinor] = parseApi(b)
  return aMajor - bMajor || aMinor - bMinor
}

export function apiAtLeast(version: string, min: string): boolean {
  return compareApi(version, min) >= 0
}

export function apiBelow(version: string, limit: string): boolean {
  return compareApi(version, limit) < 0
}

/** min ≤ version ≤ max, both bounds inclusive; a missing bound is open. */
export function apiInRange(version: string, min?: string, max?: string): boolean {
  if (min !== undefined && compareApi(version, min) < 0) return false
  if (max !== undefined && compareApi(version, max) > 0) return false
  return true
}

export function maxApi(versions: readonly string[]): string | undefined {
  return versions.reduce<string | undefined>(
    (best, v) => (best === undefined || compareApi(v, best) > 0 ? v : best),
    undefined,
  )
}

export function minApi(versions: readonly string[]): string | undefined {
  return versions.reduce<string | undefined>(
    (best, v) => (best === undefined || compareApi(v, best) < 0 ? v : best),
    undefined,
  )
}

/** A sorted copy, oldest first. */
export function sortApis(versions: readonly string[]): string[] {
  return [...versions].sort(compareApi)
}
