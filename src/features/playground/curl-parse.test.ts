import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endpoints } from '../../domain/data.ts'
import { exampleRequest } from '../../domain/example-request.ts'
import { CONTENT_TYPES, PLAYGROUND_METHODS } from '../../lib/daemon-client/client-request.ts'
import { toPlaygroundRequest } from '../../lib/daemon-client/to-playground-request.ts'
import { type CopyRequest, curlTcp, curlUnixSocket } from './copy-as.ts'
import { parseCurl, shellWords } from './curl-parse.ts'

/** What a copied command carries: no body (and so no type) for GET and HEAD or an empty body. */
function sent(request: CopyRequest): CopyRequest {
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : request.body
  return { ...request, body, contentType: body === '' ? '' : request.contentType }
}

const parsed = (command: string) => {
  const result = parseCurl(command)
  if (!result.ok) throw new Error(`${command}: ${JSON.stringify(result.problem)}`)
  return result
}

describe('paste a curl command', () => {
  it('gives every endpoint preset back from Copy as curl, over the socket and over TCP', () => {
    for (const endpoint of endpoints) {
      const request = toPlaygroundRequest(
        exampleRequest(endpoint, { container: 'web', exec: 'a'.repeat(64) }),
      )
      expect(parsed(curlUnixSocket(request)).request, endpoint.id).toEqual(sent(request))
      expect(parsed(curlTcp(request, 'http://10.0.0.5:2376')).request, endpoint.id).toEqual(
        sent(request),
      )
    }
  })

  it('round-trips random bodies, paths, methods and content types', () => {
    const request = fc.record({
      method: fc.constantFrom(...PLAYGROUND_METHODS),
      // Any text a form field can hold but NUL, which no shell word can carry.
      path: fc
        .string({ unit: 'grapheme', maxLength: 40 })
        .map((s) => `/v1.24/${s.replace(/\0/g, '')}`),
      body: fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => s.replace(/\0/g, '')),
      contentType: fc.constantFrom(...CONTENT_TYPES),
    })
    fc.assert(
      fc.property(request, fc.boolean(), (r, socket) => {
        const command = socket ? curlUnixSocket(r, '/tmp/my docker.sock') : curlTcp(r)
        const back = parseCurl(command)
        expect(back.ok && back.request).toEqual({
          ...sent(r),
          // The URL ends at a #: curl never sends a fragment.
          path: sent(r).path.split('#')[0],
        })
      }),
      { numRuns: 2000 },
    )
  })

  it("reads the reference's and a browser's forms", () => {
    expect(
      parsed(`curl --unix-socket /var/run/docker.sock -X POST \\
  -H "Content-Type: application/json" \\
  -d '{"Image":"busybox","Cmd":["top"]}' \\
  http:/v1.24/containers/create?name=web`).request,
    ).toEqual({
      method: 'POST',
      path: '/v1.24/containers/create?name=web',
      body: '{"Image":"busybox","Cmd":["top"]}',
      contentType: 'application/json',
    })
    // Path only, no version, method implied by the body, type by --json.
    expect(parsed(`curl --json '{"h":1}' '/containers/web/resize?h=40&w=80'`).request).toEqual({
      method: 'POST',
      path: '/containers/web/resize?h=40&w=80',
      body: '{"h":1}',
      contentType: 'application/json',
    })
    const chrome = parsed(
      `curl 'http://localhost:2375/v1.24/exec/abc/start' -H 'accept: */*' -H 'content-type: application/json' --data-raw $'{"Detach":false,\\n"Tty":true}' --compressed`,
    )
    expect(chrome.request.body).toBe('{"Detach":false,\n"Tty":true}')
    expect(chrome.notes).toEqual([{ kind: 'header-ignored', part: 'accept: */*' }])
    expect(
      parsed('curl -sSi -XDELETE 127.0.0.1:2375/containers/web?force=1').request,
    ).toMatchObject({
      method: 'DELETE',
      path: '/containers/web?force=1',
    })
    expect(parsed('curl -I http://localhost/_ping').request.method).toBe('HEAD')
  })

  it('says which part it did not understand', () => {
    const problem = (command: string) => {
      const result = parseCurl(command)
      return result.ok ? null : result.problem
    }
    expect(problem('wget http://localhost/version')).toEqual({ kind: 'not-curl', part: 'wget' })
    expect(problem(`curl -d '{"a":1} /x`)).toMatchObject({ kind: 'unclosed-quote' })
    expect(problem('curl -d "$BODY" /x')).toEqual({ kind: 'shell-syntax', part: '$BODY' })
    expect(problem('curl /x | jq .')).toMatchObject({ kind: 'shell-syntax', part: '| jq .' })
    expect(problem('curl --cookie a=b /x')).toEqual({ kind: 'unknown-option', part: '--cookie' })
    expect(problem('curl -d @body.json /x')).toEqual({ kind: 'data-file', part: '-d @body.json' })
    expect(problem('curl -X PATCH /x')).toEqual({ kind: 'method', part: 'PATCH' })
    expect(problem('curl -s')).toEqual({ kind: 'no-url', part: '' })
    expect(problem('curl /a /b')).toEqual({ kind: 'two-urls', part: '/a /b' })
    expect(problem('curl /x -H')).toEqual({ kind: 'missing-value', part: '-H' })
  })

  it('notes what the playground cannot send the way curl would', () => {
    expect(parsed(`curl -d '{"a":1}' /x`).notes).toEqual([{ kind: 'form-body', part: '-d' }])
    expect(parsed(`curl -H 'Content-Type: text/html' -d x /x`).notes).toEqual([
      { kind: 'content-type', part: 'text/html' },
    ])
  })

  it('splits words as sh does', () => {
    expect(shellWords(`a 'b c' "d \\"e\\" \\$f" g\\ h $'i\\tj' "k"'l'`)).toEqual({
      ok: true,
      words: ['a', 'b c', 'd "e" $f', 'g h', 'i\tj', 'kl'],
    })
  })
})
