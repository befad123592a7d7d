import { DOCKER_VERSIONS, type DockerVersion, isDockerVersion } from '../daemon/index.ts'

export interface CliOptions {
  port: number
  host: string
  /** A Unix socket to listen on instead of TCP. */
  socket: string | null
  dockerVersion: DockerVersion
  /** DockerRootDir, where containers' resolv.conf, hostname and hosts are written; null = a temp dir. */
  dataRoot: string | null
  quiet: boolean
}

export type CliParse =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

export const USAGE = `Usage: npm run daemon -- [options]

A simulated Docker Engine (1.12.6 by default, Remote API 1.24) over HTTP.
Point a client at it: DOCKER_HOST=tcp://127.0.0.1:2375 docker version

Options:
  --port <n>              TCP port, 0 for an ephemeral one (default 2375)
  --host <addr>           address to listen on (default 127.0.0.1; the API has no authentication)
  --socket <path>         listen on a Unix socket instead: DOCKER_HOST=unix://<path>
                          (the CLI's Ctrl-P Ctrl-Q detach works only there, see the README)
  --docker-version <v>    ${DOCKER_VERSIONS.join(' | ')} (default 1.12.6)
  --data-root <dir>       where each container's resolv.conf, hostname and hosts are written
                          (DockerRootDir; default a fresh temporary directory, removed on exit)
  --quiet                 no request log
  -h, --help              show this help
`

/** Parses `--flag value`, `--flag=value`, `--quiet`, `--help`. Nothing positional is accepted. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: CliOptions = {
    port: 2375,
    host: '127.0.0.1',
    socket: null,
    dockerVersion: '1.12.6',
    dataRoot: null,
    quiet: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-h' || arg === '--help') return { kind: 'help' }
    if (arg === '--quiet' || arg === '-q') {
      options.quiet = true
      continue
    }
    const match = /^(--[a-z-]+)(?:=(.*))?$/.exec(arg)
    const flag = match?.[1]
    if (
      flag !== '--port' &&
      flag !== '--host' &&
      flag !== '--socket' &&
      flag !== '--data-root' &&
      flag !== '--docker-version'
    ) {
      return { kind: 'error', message: `unknown option: ${arg}` }
    }
    let value = match?.[2]
    if (value === undefined) {
      value = argv[i + 1]
      i++
      if (value === undefined || value.startsWith('--')) {
        return { kind: 'error', message: `option ${flag} needs a value` }
      }
    }
    if (flag === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) {
        return { kind: 'error', message: `invalid --port: ${value} (expected 0-65535)` }
      }
      options.port = Number(value)
    } else if (flag === '--socket') {
      if (value === '') return { kind: 'error', message: 'invalid --socket: empty' }
      options.socket = value
    } else if (flag === '--data-root') {
      if (value === '') return { kind: 'error', message: 'invalid --data-root: empty' }
      options.dataRoot = value
    } else if (flag === '--host') {
      if (value === '') return { kind: 'error', message: 'invalid --host: empty' }
      options.host = value
    } else {
      if (!isDockerVersion(value)) {
        return {
          kind: 'error',
          message: `invalid --docker-version: ${value} (expected one of ${DOCKER_VERSIONS.join(', ')})`,
        }
      }
      options.dockerVersion = value
    }
  }
  return { kind: 'run', options }
}
