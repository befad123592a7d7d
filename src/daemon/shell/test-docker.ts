import { expect } from 'vitest'
import { call, jsonRequest } from '../../scenarios/test-client.ts'
import { createDaemon, type SimulatedDaemon } from '../daemon.ts'
import { reader } from '../terminal/test-process.ts'
import { DAEMON_STDIN_HEADER, type DaemonRequest } from '../types.ts'
import { demux } from '../wire/stdcopy.ts'

/**
 * The docker CLI's calls against a model daemon whose clock the test moves (`now`): `run`
 * (attached, with -i/-t), `detached` (run -d, then logs and state), `exec`. For the shell's
 * tests through the daemon's own API.
 */

const decoder = new TextDecoder()
/** Lets queued promise work (stream chunks, the session's writes) run: no real time passes. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await null
}
const v = (path: string) => `/v1.24${path}`

export class DockerSession {
  now = Date.parse('2017-01-14T12:00:00Z')
  readonly daemon: SimulatedDaemon = createDaemon({ clock: () => new Date(this.now) })

  call(method: string, path: string, body?: unknown) {
    return call(this.daemon, method, v(path), body)
  }

  handle(req: DaemonRequest) {
    return this.daemon.handle({ ...req, path: v(req.path) })
  }

  async start(name: string, cmd: string[], extra: object = {}) {
    await this.call('POST', `/containers/create?name=${name}`, {
      Image: 'busybox',
      Cmd: cmd,
      ...extra,
    })
    return this.call('POST', `/containers/${name}/start`)
  }

  /** docker run -d NAME CMD…, then the clock moved by `ms`: its logs and its state. */
  async detached(name: string, cmd: string[], ms = 0, extra: object = {}) {
    const started = await this.start(name, cmd, extra)
    this.now += ms
    const logs = await this.call('GET', `/containers/${name}/logs?stdout=1&stderr=1`)
    const frames = demux(logs.bytes).frames.map((f) => [f.stream, decoder.decode(f.payload)])
    const state = JSON.parse((await this.call('GET', `/containers/${name}/json`)).text).State
    const text = (stream: number) =>
      frames
        .filter(([s]) => s === stream)
        .map(([, t]) => t)
        .join('')
    return {
      started,
      frames,
      state,
      stdout: text(1),
      stderr: text(2),
      raw: decoder.decode(logs.bytes),
    }
  }

  /** docker run [-i] [-t] IMAGE CMD…, attached, with the stdin session if -i. */
  async run(
    cmd: string[],
    opts: { i?: boolean; t?: boolean; image?: string; hostname?: string; name?: string } = {},
  ) {
    const name = opts.name ?? 'box'
    const created = await this.call('POST', `/containers/create?name=${name}`, {
      Image: opts.image ?? 'busybox',
      Cmd: cmd,
      Tty: opts.t === true,
      OpenStdin: opts.i === true,
      StdinOnce: opts.i === true,
      AttachStdin: opts.i === true,
      AttachStdout: true,
      AttachStderr: true,
      Hostname: opts.hostname ?? '',
    })
    expect(created.status).toBe(201)
    const stdinQuery = opts.i === true ? '&stdin=1' : ''
    const attached = await this.daemon.handle(
      jsonRequest(
        'POST',
        v(`/containers/${name}/attach?stream=1&stdout=1&stderr=1${stdinQuery}`),
        undefined,
        {
          upgrade: 'tcp',
          connection: 'Upgrade',
        },
      ),
    )
    const out = reader(attached)
    const token = attached.headers[DAEMON_STDIN_HEADER]
    const stdin = token === undefined ? undefined : this.daemon.stdin(token)
    const started = await this.call('POST', `/containers/${name}/start`)
    await settle()
    const frames = () => demux(out.bytes()).frames.map((f) => [f.stream, decoder.decode(f.payload)])
    const state = async () =>
      JSON.parse((await this.call('GET', `/containers/${name}/json`)).text).State
    return { started, out, stdin, frames, state }
  }

  /** docker exec [-i] [-t] CONTAINER CMD…: the attached stream, its stdin and the exec's inspect. */
  async exec(container: string, cmd: string[], opts: { i?: boolean; t?: boolean } = {}) {
    const created = await this.call('POST', `/containers/${container}/exec`, {
      AttachStdin: opts.i === true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: opts.t === true,
      Cmd: cmd,
    })
    const id = JSON.parse(created.text).Id as string
    const started = await this.daemon.handle(
      jsonRequest(
        'POST',
        v(`/exec/${id}/start`),
        { Detach: false, Tty: opts.t === true },
        { upgrade: 'tcp' },
      ),
    )
    const out = reader(started)
    const stdin = this.daemon.stdin(started.headers[DAEMON_STDIN_HEADER] ?? '')
    await settle()
    const inspect = async () => JSON.parse((await this.call('GET', `/exec/${id}/json`)).text)
    return { id, out, stdin, inspect }
  }
}
