import { describe, expect, it } from 'vitest'
import { startProcess, type TestProcess } from './terminal/test-process.ts'

/** nginx as `kubectl exec web -c nginx -- nginx -v` finds it: a query answers and exits. */
describe('nginx in an exec', () => {
  const run = (args: string[], env: string[]): TestProcess => {
    const p = startProcess({ argv: ['nginx', ...args], env })
    if (!('proc' in p)) throw new Error(`nginx failed to start: ${p.message}`)
    p.advance(10)
    return p
  }

  it('-v prints the version of the image (NGINX_VERSION) on stderr and exits 0', () => {
    const p = run(['-v'], ['NGINX_VERSION=1.10.2-1~jessie'])
    expect({ code: p.exitCode, out: p.stdout(), err: p.stderr() }).toEqual({
      code: 0,
      out: '',
      err: 'nginx version: nginx/1.10.2\n',
    })
  })

  it('-t tests the configuration; without a flag it is the server, running until stopped', () => {
    const test = run(['-t'], [])
    expect(test.exitCode).toBe(0)
    expect(test.stderr()).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    )
    const server = run(['-g', 'daemon off;'], [])
    server.advance(60_000)
    expect(server.exitCode).toBeNull()
    expect(server.termExitCode).toBe(0)
  })
})
