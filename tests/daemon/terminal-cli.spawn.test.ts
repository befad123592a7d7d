import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DaemonServer, startDaemonServer } from '../../src/server/server.ts'
import { DOCKER_BINARY, DOCKER_CLI } from './docker-cli.ts'

/**
 * The real docker CLI in a real pseudo-terminal (a tmux pane) against `npm run daemon`'s
 * server: what a learner sees typing `docker run -it busybox sh`. The pane's size is the
 * terminal's; resizing the tmux window sends SIGWINCH to the CLI, which calls the resize
 * endpoint, and `stty size` inside reads the simulated pty.
 */

function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const TMUX = hasTmux()
if (!TMUX) console.warn('terminal CLI tests skipped: no `tmux` on PATH (apt-get install tmux)')

let server: DaemonServer
const log: string[] = []
let home: string
/** A tmux server of this test run's own, so no other tmux session is touched. */
const socket = `dae-${process.pid}`

const tmux = (...args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile('tmux', ['-L', socket, ...args], { encoding: 'utf8' }, (error, stdout) =>
      error === null ? resolve(stdout) : reject(error),
    )
  })

const pane = (name: string) => tmux('capture-pane', '-p', '-t', name)

async function waitFor(name: string, test: (text: string) => boolean, what: string) {
  const deadline = Date.now() + 15_000
  let text = ''
  while (Date.now() < deadline) {
    text = await pane(name)
    if (test(text)) return text
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}; the pane shows:\n${text}`)
}

/** Lines of the pane with something on them. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '')

function env(dockerHost = server.url.replace(/^http:/, 'tcp:')): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    DOCKER_CONFIG: home,
    DOCKER_HOST: dockerHost,
    DOCKER_CLI_HINTS: 'false',
    TERM: 'xterm',
  }
}

async function openPane(
  name: string,
  command: string,
  cols: number,
  rows: number,
  dockerHost?: string,
) {
  const e = env(dockerHost)
  const vars = Object.entries(e)
    .map(([k, v]) => `${k}='${v ?? ''}'`)
    .join(' ')
  await tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(cols),
    '-y',
    String(rows),
    `env -i ${vars} ${command}; echo CLI-EXIT=$?; sleep 60`,
  )
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'docker-tty-'))
  server = await startDaemonServer({ port: 0, log: (line) => log.push(line) })
})

afterAll(async () => {
  await tmux('kill-server').catch(() => undefined)
  await server?.close()
  rmSync(home, { recursive: true, force: true })
})

describe.skipIf(!DOCKER_CLI.present || !TMUX)('docker CLI in a pseudo-terminal', () => {
  it('docker run -it busybox sh: stty size follows the pane, exit 3 ends the CLI with 3', async () => {
    await openPane('run', `${DOCKER_BINARY} run -it --name tty busybox sh`, 100, 30)
    await waitFor('run', (t) => t.includes('/ #'), 'the prompt')
    await tmux('send-keys', '-t', 'run', 'stty size', 'Enter')
    await waitFor('run', (t) => lines(t).includes('30 100'), 'stty size → 30 100')
    await tmux('resize-window', '-t', 'run', '-x', '70', '-y', '20')
    // The CLI resizes on SIGWINCH; wait for its call before asking again.
    await waitFor(
      'run',
      () => log.some((l) => /\/resize\?h=20&w=70 200 /.test(l)),
      'the resize call',
    )
    await tmux('send-keys', '-t', 'run', 'stty size', 'Enter')
    await waitFor('run', (t) => lines(t).includes('20 70'), 'stty size → 20 70')
    await tmux('send-keys', '-t', 'run', 'echo $((6*7)) | cat', 'Enter')
    await waitFor('run', (t) => lines(t).includes('42'), 'arithmetic through a pipe')
    await tmux('send-keys', '-t', 'run', 'exit 3', 'Enter')
    await waitFor('run', (t) => t.includes('CLI-EXIT=3'), 'the CLI to exit with 3')
    // The daemon log shows the container resize calls the CLI made, each answered 200.
    expect(
      log.filter((l) => /^POST \/v1\.24\/containers\/\w+\/resize\?h=\d+&w=\d+ 200 /.test(l)).length,
    ).toBeGreaterThanOrEqual(2)
  })

  it('docker exec -it: stty size follows the pane, Ctrl-C returns to the prompt, exit 7 → 7', async () => {
    const started = await new Promise<number>((resolve) => {
      execFile(
        DOCKER_BINARY,
        ['run', '-d', '--name', 'web', 'busybox', 'top'],
        { env: env() },
        (e) => resolve(e === null ? 0 : 1),
      )
    })
    expect(started).toBe(0)
    await openPane('exec', `${DOCKER_BINARY} exec -it web sh`, 90, 25)
    await waitFor('exec', (t) => t.includes('/ #'), 'the prompt')
    await tmux('send-keys', '-t', 'exec', 'stty size', 'Enter')
    await waitFor('exec', (t) => lines(t).includes('25 90'), 'stty size → 25 90')
    await tmux('resize-window', '-t', 'exec', '-x', '60', '-y', '15')
    await waitFor(
      'exec',
      () => log.some((l) => /\/exec\/\w+\/resize\?h=15&w=60 200 /.test(l)),
      'the exec resize call',
    )
    await tmux('send-keys', '-t', 'exec', 'sleep 100', 'Enter')
    await tmux('send-keys', '-t', 'exec', 'C-c')
    await waitFor('exec', (t) => t.includes('^C'), 'Ctrl-C echoed')
    await tmux('send-keys', '-t', 'exec', 'stty size', 'Enter')
    await waitFor('exec', (t) => lines(t).includes('15 60'), 'stty size → 15 60')
    await tmux('send-keys', '-t', 'exec', 'exit 7', 'Enter')
    await waitFor('exec', (t) => t.includes('CLI-EXIT=7'), 'the CLI to exit with 7')
  })

  it('Ctrl-P Ctrl-Q detaches over a Unix socket: the CLI exits 0, the container keeps running', async () => {
    // Over tcp:// the CLI (seen with 28.2) misses its own detach: the escape error comes back wrapped
    // in the TCP connection's ReadFrom error, so it half-closes and waits for the container
    // instead. On a Unix socket the error arrives bare, as with dockerd's default socket.
    const path = join(home, 'docker.sock')
    const onSocket = await startDaemonServer({ port: 0, socketPath: path, log: null })
    try {
      await openPane(
        'detach',
        `${DOCKER_BINARY} run -it --name kept busybox sh`,
        80,
        24,
        `unix://${path}`,
      )
      await waitFor('detach', (t) => t.includes('/ #'), 'the prompt')
      await tmux('send-keys', '-t', 'detach', 'C-p')
      await tmux('send-keys', '-t', 'detach', 'C-q')
      await waitFor('detach', (t) => t.includes('CLI-EXIT=0'), 'the CLI to detach and exit 0')
      const status = await new Promise<string>((resolve) => {
        execFile(
          DOCKER_BINARY,
          ['inspect', '-f', '{{.State.Running}}', 'kept'],
          { env: env(`unix://${path}`), timeout: 10_000 },
          (_error, stdout) => resolve(stdout.trim()),
        )
      })
      expect(status).toBe('true')
    } finally {
      await onSocket.close()
    }
  })

  it("printf 'a\\nb\\n' | docker run -i busybox cat prints both lines and exits 0", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'sh',
        ['-c', `printf 'a\\nb\\n' | ${DOCKER_BINARY} run -i busybox cat`],
        { env: env(), timeout: 20_000 },
        (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout }),
      )
    })
    expect(result).toEqual({ code: 0, stdout: 'a\nb\n' })
  })
})
