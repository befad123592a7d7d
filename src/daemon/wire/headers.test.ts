import { describe, expect, it } from 'vitest'
import { canonicalHeaderName, GO_CHUNKING_BUFFER_BYTES, goResponseHeaders } from './headers.ts'

const DATE = 'Sat, 14 Jan 2017 12:00:00 GMT'

describe('Go 1.6 net/http response headers', () => {
  it('canonical names as textproto.CanonicalMIMEHeaderKey makes them', () => {
    expect(canonicalHeaderName('content-type')).toBe('Content-Type')
    expect(canonicalHeaderName('x-docker-container-path-stat')).toBe('X-Docker-Container-Path-Stat')
    expect(canonicalHeaderName('SERVER')).toBe('Server')
    // A name with a byte outside the token set is left as it is.
    expect(canonicalHeaderName('bad name')).toBe('bad name')
  })

  it('a small JSON answer: handler headers sorted, then Date and Content-Length; nothing about keep-alive', () => {
    expect(
      goResponseHeaders({
        status: 200,
        headers: [
          ['server', 'Docker/1.12.6 (linux)'],
          ['content-type', 'application/json'],
          ['connection', 'keep-alive'],
          ['keep-alive', 'timeout=30'],
        ],
        bodyBytes: 879,
        date: DATE,
      }),
    ).toEqual([
      ['Content-Type', 'application/json'],
      ['Server', 'Docker/1.12.6 (linux)'],
      ['Date', DATE],
      ['Content-Length', '879'],
    ])
  })

  it('more than 2,048 bytes, or a stream, went out chunked; a 204 has neither', () => {
    const names = (bodyBytes: number | null, status = 200) =>
      goResponseHeaders({ status, headers: [['content-length', '5']], bodyBytes, date: DATE }).map(
        ([n, v]) => `${n}: ${v}`,
      )
    expect(names(GO_CHUNKING_BUFFER_BYTES)).toEqual([`Date: ${DATE}`, 'Content-Length: 2048'])
    expect(names(GO_CHUNKING_BUFFER_BYTES + 1)).toEqual([
      `Date: ${DATE}`,
      'Transfer-Encoding: chunked',
    ])
    expect(names(null)).toEqual([`Date: ${DATE}`, 'Transfer-Encoding: chunked'])
    expect(names(0, 204)).toEqual([`Date: ${DATE}`])
  })

  it('a connection that closes says so before Transfer-Encoding; HEAD is never chunked', () => {
    expect(
      goResponseHeaders({ status: 200, headers: [], bodyBytes: null, date: DATE, close: true }),
    ).toEqual([
      ['Date', DATE],
      ['Connection', 'close'],
      ['Transfer-Encoding', 'chunked'],
    ])
    expect(
      goResponseHeaders({ status: 200, headers: [], bodyBytes: 5000, date: DATE, head: true }),
    ).toEqual([['Date', DATE]])
  })
})
