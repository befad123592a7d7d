import {
  CONTENT_TYPES,
  PLAYGROUND_METHODS,
  type PlaygroundContentType,
  type PlaygroundMethod,
} from '../../lib/daemon-client/client-request.ts'
import type { CopyRequest } from './copy-as.ts'

/**
 * Reads a pasted `curl` command into a playground request: the commands "Copy as curl" writes,
 * the ones in Docker's reference and in blog posts (`--unix-socket`, `-X`, `-H`, `-d` /
 * `--data-binary`, a full URL or a bare path, with or without `/v1.24`), and a browser's "Copy
 * as cURL". Words are read as a POSIX shell reads them (single and double quotes, backslashes,
 * `$'…'`, line continuations); anything a shell would expand or redirect is refused, naming it,
 * because the playground cannot know what it would have become.
 */

export type CurlProblem =
  | { kind: 'not-curl'; part: string }
  | { kind: 'unclosed-quote'; part: string }
  | { kind: 'shell-syntax'; part: string }
  | { kind: 'unknown-option'; part: string }
  | { kind: 'missing-value'; part: string }
  | { kind: 'data-file'; part: string }
  | { kind: 'method'; part: string }
  | { kind: 'url'; part: string }
  | { kind: 'no-url'; part: string }
  | { kind: 'two-urls'; part: string }

/** What the playground cannot carry over, said next to the filled form. */
export type CurlNote =
  | { kind: 'header-ignored'; part: string }
  | { kind: 'content-type'; part: string }
  | { kind: 'form-body'; part: string }

export type CurlParse =
  | { ok: true; request: CopyRequest; notes: CurlNote[] }
  | { ok: false; problem: CurlProblem }

type Words = { ok: true; words: string[] } | { ok: false; problem: CurlProblem }

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  '0': '\0',
}

/** The expansion or operator at `i`, as the reader typed it: `$BODY`, `$(cat x)`, `| jq .`. */
function shellPart(text: string, i: number): string {
  const expansion = /^\$(\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))
  return expansion ? expansion[0] : text.slice(i, i + 16)
}

/** Splits a command line into words as sh would, without expanding anything. */
export function shellWords(command: string): Words {
  const words: string[] = []
  let word: string | null = null
  let i = 0
  // A shell splits words at blanks and newlines only (IFS), not at other Unicode spaces.
  const text = command.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
  const fail = (kind: CurlProblem['kind'], part: string): Words => ({
    ok: false,
    problem: { kind, part } as CurlProblem,
  })
  while (i < text.length) {
    const c = text[i] ?? ''
    if (c === '\\' && (text[i + 1] === '\n' || text.startsWith('\r\n', i + 1))) {
      // A line continuation: nothing at all.
      i += text[i + 1] === '\n' ? 2 : 3
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (word !== null) words.push(word)
      word = null
      i++
      continue
    }
    word ??= ''
    if (c === "'") {
      const end = text.indexOf("'", i + 1)
      if (end < 0) return fail('unclosed-quote', text.slice(i, i + 24))
      word += text.slice(i + 1, end)
      i = end + 1
    } else if (c === '$' && text[i + 1] === "'") {
      let j = i + 2
      while (j < text.length && text[j] !== "'") {
        if (text[j] === '\\') {
          const next = text[j + 1] ?? ''
          const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(j + 1))
          if (hex?.[1]) {
            word += String.fromCharCode(Number.parseInt(hex[1], 16))
            j += 1 + hex[0].length
            continue
          }
          word += ANSI_C[next] ?? `\\${next}`
          j += 2
        } else {
          word += text[j]
          j++
        }
      }
      if (j >= text.length) return fail('unclosed-quote', text.slice(i, i + 24))
      i = j + 1
    } else if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') {
        const d = text[j] ?? ''
        if (d === '\\' && '\\"$`\n'.includes(text[j + 1] ?? '')) {
          if (text[j + 1] !== '\n') word += text[j + 1]
          j += 2
        } else if ((d === '$' && /[A-Za-z_{(]/.test(text[j + 1] ?? '')) || d === '`') {
          return fail('shell-syntax', shellPart(text, j))
        } else {
          word += d
          j++
        }
      }
      if (j >= text.length) return fail('unclosed-quote', text.slice(i, i + 24))
      i = j + 1
    } else if (c === '\\') {
      word += text[i + 1] ?? ''
      i += 2
    } else if ('|;&<>`'.includes(c) || (c === '$' && /[A-Za-z_{(]/.test(text[i + 1] ?? ''))) {
      return fail('shell-syntax', shellPart(text, i))
    } else {
      word += c
      i++
    }
  }
  if (word !== null) words.push(word)
  return { ok: true, words }
}

/** Flags that change nothing the playground sends: output, progress, TLS, redirects. */
const IGNORED_FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-g',
  '--globoff',
  '-N',
  '--no-buffer',
  '-f',
  '--fail',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '--compressed',
  '-#',
  '--progress-bar',
])
/** Options with a value that say where or how long, not what: the playground has its own daemon. */
const IGNORED_WITH_VALUE = new Set([
  '--unix-socket',
  '--abstract-unix-socket',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-o',
  '--output',
  '-w',
  '--write-out',
  '-D',
  '--dump-header',
  '--retry',
])
const DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json'])

/** `-sSi` → `-s -S -i` when every letter is a flag without a value; `-XPOST` → `-X POST`. */
function expandShort(word: string): string[] {
  if (!/^-[A-Za-z#]{2,}$/.test(word) && !/^-[XHdm]./.test(word)) return [word]
  const letters = [...word.slice(1)]
  if (letters.every((l) => IGNORED_FLAGS.has(`-${l}`) || l === 'I'))
    return letters.map((l) => `-${l}`)
  const head = word.slice(0, 2)
  if (['-X', '-H', '-d', '-m'].includes(head)) return [head, word.slice(2)]
  return [word]
}

/** `http://localhost/v1.24/x?y`, `127.0.0.1:2375/x`, `/x` → the path with its query, as typed. */
function pathOf(url: string): string | null {
  if (url.startsWith('/')) return url.split('#')[0] ?? url
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#\s]+(.*)$/is.exec(url)
  if (!match) return null
  const rest = (match[1] ?? '').split('#')[0] ?? ''
  if (rest === '') return '/'
  return rest.startsWith('?') ? `/${rest}` : rest
}

export function parseCurl(command: string): CurlParse {
  const split = shellWords(command)
  if (!split.ok) return split
  const [first = '', ...args] = split.words
  if (first !== 'curl' && !first.endsWith('/curl'))
    return { ok: false, problem: { kind: 'not-curl', part: first } }
  let method: string | null = null
  let head = false
  const data: string[] = []
  let contentType: string | null = null
  let json = false
  const notes: CurlNote[] = []
  const urls: string[] = []
  const words = args.flatMap(expandShort)
  let optionsDone = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    const value = () => words[++i]
    if (optionsDone || !word.startsWith('-') || word === '-') {
      urls.push(word)
      continue
    }
    if (word === '--') {
      optionsDone = true
      continue
    }
    const [name = word, inline] = word.startsWith('--') ? word.split(/=(.*)/s) : [word]
    const takeValue = () => (inline !== undefined ? inline : value())
    if (IGNORED_FLAGS.has(name)) continue
    if (IGNORED_WITH_VALUE.has(name)) {
      if (takeValue() === undefined)
        return { ok: false, problem: { kind: 'missing-value', part: name } }
      continue
    }
    if (name === '-I' || name === '--head') {
      head = true
      continue
    }
    if (name === '-X' || name === '--request') {
      const v = takeValue()
      if (v === undefined) return { ok: false, problem: { kind: 'missing-value', part: name } }
      method = v.toUpperCase()
      continue
    }
    if (name === '--url') {
      const v = takeValue()
      if (v === undefined) return { ok: false, problem: { kind: 'missing-value', part: name } }
      urls.push(v)
      continue
    }
    if (name === '-H' || name === '--header') {
      const v = takeValue()
      if (v === undefined) return { ok: false, problem: { kind: 'missing-value', part: name } }
      const colon = v.indexOf(':')
      const headerName = (colon < 0 ? v : v.slice(0, colon)).trim()
      const headerValue = colon < 0 ? '' : v.slice(colon + 1).trim()
      if (headerName.toLowerCase() === 'content-type') contentType = headerValue
      else notes.push({ kind: 'header-ignored', part: v })
      continue
    }
    if (DATA.has(name)) {
      const v = takeValue()
      if (v === undefined) return { ok: false, problem: { kind: 'missing-value', part: name } }
      // curl reads a file for @name (except --data-raw): the playground has no file to read.
      if (v.startsWith('@') && name !== '--data-raw')
        return { ok: false, problem: { kind: 'data-file', part: `${name} ${v}` } }
      if (name === '--json') json = true
      data.push(v)
      continue
    }
    return { ok: false, problem: { kind: 'unknown-option', part: word } }
  }
  if (urls.length === 0) return { ok: false, problem: { kind: 'no-url', part: '' } }
  if (urls.length > 1) return { ok: false, problem: { kind: 'two-urls', part: urls.join(' ') } }
  const path = pathOf(urls[0] ?? '')
  if (path === null) return { ok: false, problem: { kind: 'url', part: urls[0] ?? '' } }
  // curl's own defaults: HEAD for -I, POST once there is a body, GET otherwise.
  const chosen = method ?? (head ? 'HEAD' : data.length > 0 ? 'POST' : 'GET')
  if (!(PLAYGROUND_METHODS as readonly string[]).includes(chosen))
    return { ok: false, problem: { kind: 'method', part: chosen } }
  // Several -d join with & (curl's rule); --json adds its own type.
  const body = data.join('&')
  if (json && contentType === null) contentType = 'application/json'
  let type: PlaygroundContentType = ''
  if (contentType !== null) {
    const known = CONTENT_TYPES.find((c) => c !== '' && c === contentType?.toLowerCase())
    if (known) type = known
    else notes.push({ kind: 'content-type', part: contentType })
  } else if (body !== '') {
    // curl labels a -d body application/x-www-form-urlencoded, which Docker 1.12 refuses for
    // JSON; the playground has no such type, sends none, and says so.
    notes.push({ kind: 'form-body', part: '-d' })
  }
  return {
    ok: true,
    request: { method: chosen as PlaygroundMethod, path, body, contentType: type },
    notes,
  }
}
