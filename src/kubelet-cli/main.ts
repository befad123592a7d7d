/**
 * `npm run kubelet -- <operation> [--release 1.3|1.4] [--docker-host URL] [--pods N] [--json]`:
 * the kubelet model (src/kubelet) against a daemon, its calls printed. A thin node adapter:
 * argument parsing, a transport, printing.
 */
import { createDaemon } from '../daemon/index.ts'
import { createKubelet, OPERATIONS } from '../kubelet/index.ts'
import { daemonTransport } from '../kubelet-transports/daemon-transport.ts'
import { httpTransport } from '../kubelet-transports/http-transport.ts'
import { KUBELET_USAGE, parseKubeletArgs } from './args.ts'
import { callsAsJson, callsAsText } from './format.ts'

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseKubeletArgs(argv)
  if (parsed.kind === 'help') {
    process.stdout.write(KUBELET_USAGE)
    return 0
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`npm run kubelet: ${parsed.message}\n\n${KUBELET_USAGE}`)
    return 2
  }
  if (parsed.kind === 'list') {
    for (const op of OPERATIONS) {
      process.stdout.write(`${op.id.padEnd(18)} ${op.summary.en}\n`)
    }
    return 0
  }
  const { options } = parsed
  const daemon = options.dockerHost ? null : createDaemon({})
  const http = options.dockerHost ? httpTransport(options.dockerHost) : null
  const transport = daemon
    ? daemonTransport(daemon)
    : (http?.transport ?? (() => Promise.reject(new Error('no transport'))))
  const where = options.dockerHost
    ? 'socketPath' in options.dockerHost
      ? `unix://${options.dockerHost.socketPath}`
      : `tcp://${options.dockerHost.host}:${options.dockerHost.port}`
    : 'a simulated Docker 1.12.6 in this process'
  try {
    const kubelet = createKubelet({ release: options.release, transport })
    const result = await kubelet.run(options.operation, { pods: options.pods })
    process.stdout.write(
      options.json
        ? `${callsAsJson(result.calls, options.setup)}\n`
        : callsAsText(result, options.setup, where),
    )
    if (result.error) {
      if (options.json) process.stderr.write(`the kubelet's code returned: ${result.error}\n`)
      return 1
    }
    return 0
  } finally {
    daemon?.dispose()
    http?.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `npm run kubelet: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  },
)
