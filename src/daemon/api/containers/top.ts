import { argv } from '../../engine/process-input.ts'
import { conflict, errNotRunning, untyped } from '../../errors.ts'
import { isRunning, type JsonObject } from '../../model/state.ts'
import { psRows } from '../../process.ts'
import type { Handler } from '../context.ts'
import { json } from '../http.ts'

/** GET /containers/{id}/top. @see moby daemon/top_unix.go at v1.12.6 */

/** `validatePSArgs` (daemon/top_unix.go): only `pid=PID…` may be renamed. */
function validatePSArgs(psArgs: string): void {
  for (const m of psArgs.matchAll(/\s+(\S*)=\s*(PID\S*)/g)) {
    if (m[1] !== 'pid') throw untyped(`specifying "${m[1]}=${m[2]}" is not allowed`)
  }
}

export const top: Handler = (ctx) => {
  const e = ctx.engine
  const psArgs = ctx.query.get('ps_args') || '-ef'
  validatePSArgs(psArgs)
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'restarting') {
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`)
  }
  const rows = psRows(argv(c), c.state.pid, c.state.startedAt)
  const execRows = c.execIds
    .map((id) => e.state.execs.get(id))
    .filter((x) => x !== undefined && x.phase === 'running')
    .flatMap((x) =>
      x === undefined ? [] : psRows([x.entrypoint, ...x.arguments], x.pid, c.state.startedAt),
    )
  let result: JsonObject
  if (/(^|\s)-?[a-z]*u[a-z]*x|aux/.test(psArgs)) {
    result = {
      Titles: [
        'USER',
        'PID',
        '%CPU',
        '%MEM',
        'VSZ',
        'RSS',
        'TTY',
        'STAT',
        'START',
        'TIME',
        'COMMAND',
      ],
      Processes: [...rows, ...execRows].map((r) => [
        r[0] ?? 'root',
        r[1] ?? '',
        '0.0',
        '0.0',
        '1232',
        '4',
        '?',
        'Ss',
        r[4] ?? '',
        '0:00',
        r[7] ?? '',
      ]),
    }
  } else {
    result = {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: [...rows, ...execRows],
    }
  }
  e.events.container(c, 'top')
  return json(200, result)
}
