import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Runs the real `docker` CLI against a daemon URL with a clean environment: a throw-away
 * DOCKER_CONFIG (no contexts, no credential helpers), no TLS variables, no hints.
 */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface DockerCli {
  run(args: string[], timeoutMs?: number): Promise<CliResult>
  dispose(): void
}

export const DOCKER_BINARY = process.env.DOCKER_CLI ?? 'docker'

export function dockerCli(daemonUrl: string): DockerCli {
  const configDir = mkdtempSync(join(tmpdir(), 'docker-config-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: configDir,
    DOCKER_HOST: daemonUrl.replace(/^http:/, 'tcp:'),
    DOCKER_CONFIG: configDir,
    DOCKER_CLI_HINTS: 'false',
    // No Docker Desktop / buildx / BuildKit detours in a test.
    DOCKER_BUILDKIT: '0',
  }
  return {
    run(args, timeoutMs = 20_000) {
      return new Promise((resolve) => {
        execFile(DOCKER_BINARY, args, { env, timeout: timeoutMs }, (error, stdout, stderr) => {
          const code =
            error === null
              ? 0
              : typeof error.code === 'number'
                ? error.code
                : error.killed
                  ? 124
                  : 1
          resolve({ code, stdout, stderr })
        })
      })
    },
    dispose() {
      rmSync(configDir, { recursive: true, force: true })
    },
  }
}
