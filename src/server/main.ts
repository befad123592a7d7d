/**
 * `npm run daemon -- --port 2375`: the simulated daemon on a real TCP port, for the docker CLI,
 * dockerode, curl. Exit codes: 0 after SIGINT/SIGTERM (or when the parent process is gone),
 * 1 if the server cannot start, 2 for bad flags. Stopping lets in-flight requests finish (up to
 * a grace period) and ends /events and log followers with a proper end of stream.
 */
import { parseCliArgs, USAGE } from './cli-args.ts'
import { startDaemonServer } from './server.ts'

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2))
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE)
    return
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`daemon: ${parsed.message}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  const { options } = parsed
  let server: Awaited<ReturnType<typeof startDaemonServer>>
  try {
    server = await startDaemonServer({
      port: options.port,
      host: options.host,
      ...(options.socket === null ? {} : { socketPath: options.socket }),
      dockerVersion: options.dockerVersion,
      ...(options.dataRoot === null ? {} : { dataRoot: options.dataRoot }),
      log: options.quiet ? null : (line) => process.stdout.write(`${line}\n`),
    })
  } catch (error) {
    const where = options.socket ?? `${options.host}:${options.port}`
    process.stderr.write(`daemon: cannot listen on ${where}: ${String(error)}\n`)
    process.exitCode = 1
    return
  }
  const listening = server.socketPath === null ? server.url : `unix://${server.socketPath}`
  process.stdout.write(
    `Simulated Docker ${options.dockerVersion} listening on ${listening}\n` +
      `  DOCKER_HOST=${listening.replace(/^http:/, 'tcp:')} docker version\n` +
      `  data root (DockerRootDir): ${server.dataRoot ?? ''}\n`,
  )
  let stopping = false
  const stop = (reason: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`${reason}: shutting down\n`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`daemon: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  // Not SIGHUP: `nohup npm run daemon &` must keep serving after the terminal closes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop)
  // `npm run daemon` runs `sh -c "exec node …"`, so npm's forwarded SIGTERM/SIGINT reach this
  // process (a shell in between would die on SIGTERM, or sit on SIGINT, without passing it on).
  // If npm goes away anyway (killed with SIGKILL), an orphaned server would keep the port: when
  // started by an npm script, stop as if signalled once the parent is gone. (Started directly,
  // e.g. under nohup, the server outlives its shell as before.)
  const parent = process.ppid
  const underNpm = process.env.npm_lifecycle_event !== undefined
  // With the parent gone, stdout may be a pipe nobody reads: a failed log write must not crash
  // the shutdown (EPIPE), only lose the line.
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)
  if (underNpm)
    setInterval(() => {
      if (process.ppid !== parent) stop('parent process exited')
    }, 200).unref()
}

void main()
