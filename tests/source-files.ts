import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Every non-test `.ts` file under `dir`, for the tests that scan the daemon's own source
 * (src/daemon/no-real-time.test.ts, import-cycles.test.ts).
 */
export function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path)
  }
  return out
}
