import type { KubeletCall, RunResult } from '../kubelet/index.ts'
import { encodeQuery } from '../kubelet-transports/http-transport.ts'

/** The --json shape: one object per call, the query decoded. */
export function callsAsJson(calls: readonly KubeletCall[], withSetup: boolean): string {
  return JSON.stringify(
    calls
      .filter((c) => withSetup || !c.setup)
      .map((c) => ({
        method: c.method,
        path: c.path,
        query: c.query,
        status: c.status,
        source: c.sourceRef,
        ...(c.setup ? { setup: true } : {}),
      })),
    null,
    2,
  )
}

/** A readable trace: number, method, path?query, status, the line at the tag, the engine-api call. */
export function callsAsText(result: RunResult, withSetup: boolean, where: string): string {
  const own = result.calls.filter((c) => !c.setup)
  const setup = result.calls.length - own.length
  const shown = withSetup ? result.calls : own
  const lines = [
    `kubelet ${result.release} · ${result.operation} · ${own.length} call${own.length === 1 ? '' : 's'}` +
      `${setup > 0 ? ` (after ${setup} setting the stage${withSetup ? ', marked ·' : ', --setup lists them'})` : ''} · ${where}`,
  ]
  shown.forEach((c, i) => {
    const query = encodeQuery(c.query)
    const target = `${c.path}${query === '' ? '' : `?${query}`}`
    lines.push(
      `${c.setup ? '·' : ' '}${String(i + 1).padStart(3)}  ${c.method.padEnd(6)} ${target}`,
      `        ${String(c.status ?? '—').padEnd(4)} ${c.sourceRef}  ${c.dockerMethod} → ${c.clientCall}` +
        (c.via ? `  (from ${c.via.func}, ${c.via.file.split('/').pop()}:${c.via.line})` : ''),
    )
  })
  if (result.error) lines.push(`the kubelet's code returned: ${result.error}`)
  return `${lines.join('\n')}\n`
}
