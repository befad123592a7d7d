import { execFile, execFileSync } from 'node:child_process'
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

/**
 * The docker CLI releases these tests support: 20.10 (Debian bookworm's `docker.io`, which
 * .ci/run installs when CI has no docker) to 28.x (Docker's static build). Run against 20.10.24
 * and 28.2.2. Both fall back to API 1.24 when the daemon's ping carries no API-Version header, as
 * 1.12 sends none; where their output differs the tests say which client prints what.
 */
export const SUPPORTED_CLI = { minMajor: 20, maxMajor: 28, label: '20.10 – 28.x' } as const

export type CliPresence =
  | { present: true; version: string; major: number; minor: number }
  | { present: false; reason: string }

/** `docker --version` ("Docker version 28.2.2, build e6534b4"), or why there is no CLI to run. */
export function detectDockerCli(): CliPresence {
  let out: string
  try {
    out = execFileSync(DOCKER_BINARY, ['--version'], { encoding: 'utf8', timeout: 10_000 })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      return {
        present: false,
        reason: `no \`${DOCKER_BINARY}\` on PATH (set DOCKER_CLI or install docker.io)`,
      }
    throw error
  }
  const m = /version (\d+)\.(\d+)\.\S*/.exec(out)
  if (!m?.[1] || !m[2]) throw new Error(`${DOCKER_BINARY} --version printed no version: ${out}`)
  return {
    present: true,
    version: m[0].slice('version '.length).replace(/,$/, ''),
    major: Number(m[1]),
    minor: Number(m[2]),
  }
}

/** Why a CLI version is outside SUPPORTED_CLI, or undefined when it is supported. */
export function unsupportedCli(cli: {
  version: string
  major: number
  minor: number
}): string | undefined {
  const tooOld = cli.major < SUPPORTED_CLI.minMajor || (cli.major === 20 && cli.minor < 10)
  if (tooOld || cli.major > SUPPORTED_CLI.maxMajor)
    return `docker CLI ${cli.version} is outside the supported ${SUPPORTED_CLI.label}: its requests and messages were never checked against these tests`
  return undefined
}

/** The CLI on this machine; prints once why its tests are skipped when there is none. */
export const DOCKER_CLI = detectDockerCli()
if (!DOCKER_CLI.present) console.warn(`docker CLI tests skipped: ${DOCKER_CLI.reason}`)

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
