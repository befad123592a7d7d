import type { CommandIO, Program } from '../program.ts'
import { server } from './basic.ts'

/**
 * nginx: the server in the foreground (quiet until stopped, exit 0 on SIGTERM), except `nginx -v`
 * and `nginx -t` — what a trainer runs with `kubectl exec` into the web container — which answer
 * on stderr and exit, as nginx does. The version is the image's NGINX_VERSION.
 */
export function* nginx(args: string[], { ctx }: CommandIO): Program {
  const version = (ctx.vars.get('NGINX_VERSION') ?? '1.11.6').replace(/-.*$/, '')
  if (args.includes('-v')) {
    yield { kind: 'out', stream: 2, text: `nginx version: nginx/${version}\n` }
    return 0
  }
  if (args.includes('-t')) {
    const conf = '/etc/nginx/nginx.conf'
    yield {
      kind: 'out',
      stream: 2,
      text: `nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`,
    }
    return 0
  }
  return yield* server()
}
