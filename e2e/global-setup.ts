import { execSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { serveStatic } from '../scripts/static-server.ts'

export const BASE_PATH = '/explorer/'

/** Builds the production bundle for a sub-path and serves it the way a static host would. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..')
  execSync('npm run build', {
    cwd: root,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, BASE_PATH, NODE_ENV: 'production' },
  })
  const server = await serveStatic(resolve(root, 'dist'), BASE_PATH)
  project.provide('baseUrl', server.url)
  return () => server.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
