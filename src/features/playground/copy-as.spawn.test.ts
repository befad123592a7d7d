import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DaemonServer, startDaemonServer } from '../../server/server.ts'
import {
  curlTcp,
  curlUnixSocket,
  dockerCommand,
  dockerodeCall,
  kubeletCall,
  matchEndpoint,
  shellQuote,
} from './copy-as.ts'

const req = (method: 'GET' | 'POST' | 'DELETE', path: string, body = '') => ({
  method,
  path,
  body,
  contentType: body ? ('application/json' as const) : ('' as const),
})

describe('copy as curl', () => {
  let server: DaemonServer
  beforeAll(async () => {
    server = await startDaemonServer({ port: 0, log: null })
  })
  afterAll(async () => {
    await server.close()
  })

  // Asynchronous: the daemon answering curl runs in this very process.
  const sh = async (command: string) =>
    (
      await promisify(execFile)(
        'sh',
        ['-c', command.replace('http://127.0.0.1:2375', server.url)],
        {
          encoding: 'latin1',
        },
      )
    ).stdout
  const statusLine = (output: string) => output.split('\r\n')[0]

  // Each command is run by a real shell and curl against the real HTTP daemon (npm run daemon):
  // quoting, method, headers and body all have to survive for the status to match.
  it('runs, and gets the status the playground got, for bodies with quotes and spaces', async () => {
    const body = `{"Image":"busybox","Cmd":["sh","-c","echo 'it''s here'; sleep 3600"],"Tty":true}`
    expect(
      statusLine(await sh(curlTcp(req('POST', '/v1.24/containers/create?name=quoted', body)))),
    ).toBe('HTTP/1.1 201 Created')
    expect(statusLine(await sh(curlTcp(req('POST', '/v1.24/containers/quoted/start'))))).toBe(
      'HTTP/1.1 204 No Content',
    )
    expect(statusLine(await sh(curlTcp(req('POST', '/v1.24/containers/quoted/start'))))).toBe(
      'HTTP/1.1 304 Not Modified',
    )
    expect(statusLine(await sh(curlTcp(req('DELETE', '/v1.24/containers/quoted'))))).toBe(
      'HTTP/1.1 409 Conflict',
    )
    expect(statusLine(await sh(curlTcp(req('GET', '/v1.25/version'))))).toBe(
      'HTTP/1.1 400 Bad Request',
    )
  })

  it('speaks to docker.sock in the Unix-socket form', () => {
    expect(curlUnixSocket(req('GET', '/v1.24/containers/json?all=1'))).toBe(
      "curl -sS -i --unix-socket /var/run/docker.sock 'http://localhost/v1.24/containers/json?all=1'",
    )
  })

  it('quotes for a POSIX shell', async () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
    expect(await sh(`printf %s ${shellQuote(`a "b" 'c' $HOME \\`)}`)).toBe(`a "b" 'c' $HOME \\`)
  })
})

describe('copy as docker, dockerode and Go', () => {
  it('matches paths with or without a version prefix', () => {
    expect(matchEndpoint(req('POST', '/exec/abc/resize?h=1&w=2'))?.id).toBe('ExecResize')
    expect(matchEndpoint(req('POST', '/v1.24/containers/web/resize'))?.params.id).toBe('web')
    expect(matchEndpoint(req('GET', '/nope'))).toBeNull()
  })

  it('names no endpoint for a path with a stray %, and does not throw', () => {
    expect(matchEndpoint(req('GET', '/v1.24/containers/%ZZ/json'))).toBeNull()
    expect(matchEndpoint(req('GET', '/v1.24/containers/50%/json'))).toBeNull()
    expect(matchEndpoint(req('GET', '/v1.24/containers/a%2Fb/json'))?.params.id).toBe('a/b')
  })

  it('gives the CLI command where one exists, and none where none does', () => {
    expect(
      dockerCommand(
        req(
          'POST',
          '/v1.24/containers/create?name=web',
          '{"Image":"busybox","Cmd":["top"],"Tty":true,"OpenStdin":true}',
        ),
      ),
    ).toBe('docker create --name web -t -i busybox top')
    expect(dockerCommand(req('POST', '/containers/web/stop?t=30'))).toBe('docker stop -t 30 web')
    expect(dockerCommand(req('DELETE', '/containers/web?force=1'))).toBe('docker rm -f web')
    expect(dockerCommand(req('POST', '/containers/web/resize?h=40&w=120'))).toBeNull()
  })

  it('uses dockerode methods, and modem.dial for the rest', () => {
    expect(dockerodeCall(req('POST', '/containers/web/resize?h=40&w=120'))).toContain(
      'docker.getContainer("web").resize({"h":"40","w":"120"})',
    )
    expect(dockerodeCall(req('GET', '/v1.24/swarm'))).toContain('docker.modem.dial(')
  })

  it('names the kubelet 1.4 method, its engine-api call and the line that sends it', () => {
    const call = kubeletCall(req('POST', '/exec/abc/resize?h=40&w=120'))
    expect(call?.code).toContain('client.ResizeExecTTY("abc", 40, 120)')
    expect(call?.code).toContain('ContainerExecResize')
    // one line per call, the model's: the same line the terminal's log and the lessons cite
    expect(call?.sourceUrl).toBe(
      'https://github.com/kubernetes/kubernetes/blob/v1.4.0/pkg/kubelet/dockertools/exec.go#L128',
    )
    expect(kubeletCall(req('POST', '/containers/abc/exec'))?.sourceUrl).toMatch(/exec\.go#L120$/)
    // The kubelet never kills: the article's tick is wrong, and so there is no Go call.
    expect(kubeletCall(req('POST', '/containers/web/kill'))).toBeNull()
  })
})
