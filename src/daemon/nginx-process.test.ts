import { describe, expect, it } from 'vitest'
import { plan } from './process.ts'

/** nginx as `kubectl exec web -c nginx -- nginx -v` finds it: a query answers and exits. */
describe('nginx in an exec', () => {
  const run = (args: string[], env: string[]) =>
    plan({ argv: ['nginx', ...args], tty: false, openStdin: false, env })

  it('-v prints the version of the image (NGINX_VERSION) on stderr and exits 0', () => {
    expect(run(['-v'], ['NGINX_VERSION=1.10.2-1~jessie'])).toMatchObject({
      kind: 'exits',
      exitCode: 0,
      stdout: '',
      stderr: 'nginx version: nginx/1.10.2\n',
    })
  })

  it('-t tests the configuration; without a flag it is the server, running until stopped', () => {
    expect(run(['-t'], [])).toMatchObject({
      kind: 'exits',
      stderr:
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    })
    expect(run(['-g', 'daemon off;'], [])).toMatchObject({
      kind: 'runs',
      runForMs: null,
      termExitCode: 0,
    })
  })
})
