import { isOperationId, OPERATIONS, type OperationId, type Release } from '../kubelet/index.ts'
import { type DockerHost, parseDockerHost } from '../kubelet-transports/http-transport.ts'

export interface KubeletCliOptions {
  operation: OperationId
  release: Release
  /** null = a fresh simulated daemon in this process. */
  dockerHost: DockerHost | null
  pods: number
  json: boolean
  /** Also print the calls that set the stage (flagged). */
  setup: boolean
}

export type KubeletCliParse =
  | { kind: 'run'; options: KubeletCliOptions }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

/** The most pods a node runs by default (--max-pods=110), a bound for --pods. */
export const MAX_PODS = 110

export const KUBELET_USAGE = `Usage: npm run kubelet -- <operation> [options]
       npm run kubelet -- list

Runs one operation of the Kubernetes 1.3 / 1.4 kubelet's Docker side (src/kubelet) against a
daemon and prints every call it sends, with the line at the release tag that sends it.

Options:
  --release 1.3|1.4         the kubelet release (default 1.4)
  --docker-host <url>       tcp://HOST:PORT or unix:///PATH (default: a fresh simulated
                            Docker 1.12.6 in this process)
  --pods <n>                pods on the node first, for the loops and GC (1–${MAX_PODS}, default 1)
  --json                    the calls as JSON: [{"method","path","query","status","source"}]
  --setup                   also list the calls that set the stage (pods started first)
  -h, --help                show this help

Operations: ${OPERATIONS.map((o) => o.id).join(', ')}
`

/** `<operation> --flag value` or `--flag=value`; one positional: the operation or `list`. */
export function parseKubeletArgs(argv: readonly string[]): KubeletCliParse {
  let operation: string | undefined
  const options = {
    release: '1.4' as Release,
    dockerHost: null as DockerHost | null,
    pods: 1,
    json: false,
    setup: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '-h' || arg === '--help') return { kind: 'help' }
    if (arg === '--json') {
      options.json = true
      continue
    }
    if (arg === '--setup') {
      options.setup = true
      continue
    }
    if (!arg.startsWith('-')) {
      if (operation !== undefined)
        return {
          kind: 'error',
          message: `one operation at a time (got "${operation}" and "${arg}")`,
        }
      operation = arg
      continue
    }
    const match = /^(--[a-z-]+)(?:=(.*))?$/.exec(arg)
    const flag = match?.[1]
    if (flag !== '--release' && flag !== '--docker-host' && flag !== '--pods') {
      return { kind: 'error', message: `unknown option: ${arg}` }
    }
    let value = match?.[2]
    if (value === undefined) {
      value = argv[i + 1]
      i++
    }
    if (value === undefined || value === '')
      return { kind: 'error', message: `${flag} needs a value` }
    if (flag === '--release') {
      if (value !== '1.3' && value !== '1.4')
        return { kind: 'error', message: `--release ${value}: expected 1.3 or 1.4` }
      options.release = value
    } else if (flag === '--pods') {
      const n = Number(value)
      if (!Number.isInteger(n) || n < 1 || n > MAX_PODS) {
        return {
          kind: 'error',
          message: `--pods ${value}: expected a whole number from 1 to ${MAX_PODS}`,
        }
      }
      options.pods = n
    } else {
      try {
        options.dockerHost = parseDockerHost(value)
      } catch (error) {
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
      }
    }
  }
  if (operation === undefined)
    return { kind: 'error', message: 'which operation? (npm run kubelet -- list)' }
  if (operation === 'list') return { kind: 'list' }
  if (!isOperationId(operation)) {
    return { kind: 'error', message: `unknown operation "${operation}" (npm run kubelet -- list)` }
  }
  return { kind: 'run', options: { operation, ...options } }
}
