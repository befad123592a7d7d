import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Every non-test `.ts` file under `dir`, for the tests that scan the daemon's own source
 * (src/daemon/no-real-time.test.ts, import-cycles.test.ts).
 */
export function sourceFiles(dir: string): string[] {
  return allFiles(dir).filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
}

/** Every file under `dir`, tests included (skipping node_modules). */
export function allFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...allFiles(path))
    else out.push(path)
  }
  return out
}
