import type { Exchange } from '../../lib/daemon-client/send-request.ts'
import { shellQuote } from './copy-as.ts'

/**
 * The playground's history as a POSIX shell script that replays it against a real daemon
 * (`npm run daemon`, or dockerd) and says, step by step, whether the status matches what the
 * browser's daemon answered.
 *
 * Three things a plain list of curl commands gets wrong (a trainer's class run found each):
 * - Order: the history lists requests as they finished; a streamed exec start finishes after the
 *   resize and inspect sent while it ran. The script is in send order (the exchange ids).
 * - Streams: an attach, exec start, logs -f or events call never ends by itself. Each runs in the
 *   background, cut after `$STREAM_SECONDS`, so the requests sent while it was open run too.
 * - Ids: the daemon the script talks to makes its own ids. An id a create answered is read from
 *   that answer into `$ID_<step>`, and later requests name it through the variable.
 */

/** Where the script sends its requests unless `DOCKER_HOST` says otherwise. */
export type ScriptTarget = { via: 'socket'; path: string } | { via: 'tcp'; address: string }

export const DEFAULT_SOCKET = '/var/run/docker.sock'
export const DEFAULT_TCP = '127.0.0.1:2375'

export function dockerHost(target: ScriptTarget): string {
  return target.via === 'socket' ? `unix://${target.path}` : `tcp://${target.address}`
}

const CREATED_ID = /"Id"\s*:\s*"([0-9a-f]{64})"/

const TRUE = /^(1|true)$/i
const FALSE = /^(0|false)$/i

/**
 * Calls that stay open while the next ones are sent: attach, a non-detached exec start, logs
 * with follow, events without `until`, stats unless `stream=0`. Decided from the request, not
 * from the answer's headers: Go sends no Content-Length with a 204 or with a JSON body over
 * 2 KB, and neither is a stream.
 */
function isStream(exchange: Exchange): boolean {
  if (exchange.status === 101) return true
  const { path, body } = exchange.request
  const q = path.indexOf('?')
  const route = (q < 0 ? path : path.slice(0, q)).replace(/^\/v\d+\.\d+/, '')
  const query = new URLSearchParams(q < 0 ? '' : path.slice(q + 1))
  if (/^\/containers\/[^/]+\/attach(\/ws)?$/.test(route)) return true
  if (/^\/exec\/[^/]+\/start$/.test(route)) return !/"Detach"\s*:\s*true/.test(body)
  if (/^\/containers\/[^/]+\/logs$/.test(route)) return TRUE.test(query.get('follow') ?? '')
  if (route === '/events') return !query.has('until')
  if (/^\/containers\/[^/]+\/stats$/.test(route)) return !FALSE.test(query.get('stream') ?? '')
  return false
}

interface KnownId {
  id: string
  variable: string
}

/**
 * `text` as one shell word, with every known id (in full, or its 12-character short form) turned
 * into a reference to the variable that holds the replaying daemon's id.
 */
function wordWithIds(text: string, ids: readonly KnownId[]): string {
  if (text === '') return "''"
  const parts: string[] = []
  let rest = text
  while (rest !== '') {
    let best: { at: number; length: number; ref: string } | null = null
    for (const { id, variable } of ids) {
      for (const [needle, ref] of [
        [id, `"$${variable}"`],
        [id.slice(0, 12), `"$${variable}_SHORT"`],
      ] as const) {
        const at = rest.indexOf(needle)
        if (at < 0) continue
        // A short id counts only where it is not the start of a longer hex string.
        if (needle.length === 12 && /^[0-9a-f]/.test(rest.slice(at + 12))) continue
        if (best === null || at < best.at || (at === best.at && needle.length > best.length))
          best = { at, length: needle.length, ref }
      }
    }
    if (best === null) {
      parts.push(shellQuote(rest))
      break
    }
    if (best.at > 0) parts.push(shellQuote(rest.slice(0, best.at)))
    parts.push(best.ref)
    rest = rest.slice(best.at + best.length)
  }
  return parts.join('')
}

const HEADER = (dockerVersion: string, host: string) => `#!/bin/sh
# Requests sent in docker-api-explorer to a simulated Docker ${dockerVersion} daemon, in the order
# they were sent. Each step prints the answer, then its status next to the one the browser's
# daemon gave; the script exits 1 when any differ.
#
#   sh this-file.sh                                       # DOCKER_HOST below
#   DOCKER_HOST=tcp://127.0.0.1:2375 sh this-file.sh      # npm run daemon -- --port 2375
#   DOCKER_HOST=unix:///tmp/docker.sock sh this-file.sh   # npm run daemon -- --socket /tmp/docker.sock
#
# Streaming calls (attach, exec start, logs -f, events, stats) run in the background and are cut
# after STREAM_SECONDS; the requests sent while they were open follow at once. Ids the daemon
# creates are read from its answers into ID_<step>, so later steps name the new objects.
# Run it against a fresh daemon: names already taken answer 409.
set -u
DOCKER_HOST="\${DOCKER_HOST:-${host}}"
STREAM_SECONDS="\${STREAM_SECONDS:-5}"
MAX_SECONDS="\${MAX_SECONDS:-30}"
case "$DOCKER_HOST" in
  unix://*) SOCKET="\${DOCKER_HOST#unix://}"; BASE=http://localhost ;;
  tcp://*) SOCKET=; BASE="http://\${DOCKER_HOST#tcp://}" ;;
  *) echo "DOCKER_HOST must be unix://PATH or tcp://HOST:PORT, not $DOCKER_HOST" >&2; exit 2 ;;
esac
OUT=$(mktemp -d) || exit 2
trap 'rm -rf "$OUT"' EXIT

# send STEP EXPECTED SECONDS PATH [curl options...]
send() {
  step=$1 expected=$2 seconds=$3 path=$4
  shift 4
  if [ -n "$SOCKET" ]; then set -- --unix-socket "$SOCKET" "$@"; fi
  code=$(curl -sS -g -i --max-time "$seconds" "$@" -o "$OUT/$step" -w '%{http_code}' "$BASE$path")
  head -c 2000 "$OUT/$step" 2>/dev/null
  echo
  echo "# step $step: $code (the browser's daemon answered $expected)"
  [ "$code" = "$expected" ] || echo "$step" >> "$OUT/differ"
}

# capture STEP: the id a create answered, for the steps that name it
capture() {
  sed -n 's/.*"Id" *: *"\\([0-9a-f]\\{64\\}\\)".*/\\1/p' "$OUT/$1" | head -n 1
}
`

const FOOTER = `wait
if [ -s "$OUT/differ" ]; then
  echo "# steps answered differently: $(sort -n "$OUT/differ" | tr '\\n' ' ')"
  exit 1
fi
echo '# every step answered as in the browser'
`

/** The history (newest first, as the playground keeps it) as a replayable script. */
export function historyToShell(
  history: readonly Exchange[],
  dockerVersion: string,
  target: ScriptTarget = { via: 'socket', path: DEFAULT_SOCKET },
): string {
  // Send order: ids are given as requests are sent (restored entries count up from below zero).
  const sent = [...history].sort((a, b) => a.id - b.id)
  const ids: KnownId[] = []
  const lines = [HEADER(dockerVersion, dockerHost(target))]
  sent.forEach((exchange, index) => {
    const step = index + 1
    const { method, path, body, contentType } = exchange.request
    const stream = isStream(exchange)
    const options: string[] = []
    if (method === 'HEAD') options.push('-I')
    else if (method !== 'GET') options.push('-X', method)
    if (body !== '' && method !== 'GET' && method !== 'HEAD') {
      if (contentType) options.push('-H', shellQuote(`Content-Type: ${contentType}`))
      // --data-binary reads a file for a body that starts with @; --data-raw never does.
      options.push(body.startsWith('@') ? '--data-raw' : '--data-binary', wordWithIds(body, ids))
    }
    const call = [
      'send',
      String(step),
      String(exchange.status),
      stream ? '"$STREAM_SECONDS"' : '"$MAX_SECONDS"',
      wordWithIds(path, ids),
      ...options,
    ].join(' ')
    lines.push(
      `# ${step}. ${method} ${path.replace(/[\r\n]/g, ' ')}${stream ? ' (stream, in the background)' : ''}`,
    )
    if (stream) lines.push(`${call} &`, 'sleep 1')
    else lines.push(call)
    const created =
      exchange.status === 201 ? CREATED_ID.exec(new TextDecoder().decode(exchange.body)) : null
    if (created?.[1] && !stream) {
      const variable = `ID_${step}`
      lines.push(
        `${variable}=$(capture ${step})`,
        `${variable}_SHORT=$(printf %.12s "$${variable}")`,
      )
      ids.push({ id: created[1], variable })
    }
  })
  lines.push(FOOTER)
  return lines.join('\n')
}
