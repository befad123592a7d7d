import { errNotRunning, untyped } from '../../errors.ts'
import { isRunning } from '../../model/state.ts'
import { parseGoInt } from '../../wire/filters.ts'
import type { Handler } from '../context.ts'
import { emptyOk } from '../http.ts'

/**
 * h and w are parsed (Go 1.6 `strconv.Atoi` = `ParseInt(s, 10, 0)`) before the lookup, so a
 * bad value is 500 even for an unknown container. Success writes nothing: 200, empty body,
 * sniffed text/plain. @see moby daemon/resize.go at v1.12.6
 */
export const resize: Handler = (ctx) => {
  const e = ctx.engine
  const height = parseGoInt(ctx.query.get('h') ?? '', 64)
  const width = parseGoInt(ctx.query.get('w') ?? '', 64)
  const c = e.registry.getContainer(ctx.param)
  if (!isRunning(c)) throw errNotRunning(c.id)
  if (c.state.status === 'restarting') {
    // A restarting container is still Running, but libcontainerd's handleEvent dropped it from
    // its map (deleteContainer) until the restart: getContainer's untyped error, no keyword → 500.
    // @see moby libcontainerd/container_linux.go handleEvent, libcontainerd/client.go getContainer
    throw untyped(`invalid container: ${c.id}`)
  }
  // libcontainerd ignores the size of a paused process without error; the event still fires.
  // The live TTY takes the new size at once: no restart needed, whatever the v1.24 doc says.
  e.live.resizeTty({ container: c }, height, width)
  e.events.container(c, 'resize', { height: String(height), width: String(width) })
  return emptyOk()
}
