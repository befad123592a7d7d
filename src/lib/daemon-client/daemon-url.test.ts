import { describe, expect, it } from 'vitest'
import { daemonUrl, RejectedPath } from './daemon-url.ts'

const BASE = 'http://localhost:4173/explorer/docker-api/'

const reason = (path: string) => {
  try {
    daemonUrl(BASE, path)
    return 'sent'
  } catch (error) {
    return error instanceof RejectedPath ? error.reason : 'threw'
  }
}

describe('daemonUrl', () => {
  it('sends daemon paths under the base, query included', () => {
    expect(daemonUrl(BASE, '/v1.24/containers/json?all=1').href).toBe(
      `${BASE}v1.24/containers/json?all=1`,
    )
    expect(daemonUrl(BASE, '/_ping').href).toBe(`${BASE}_ping`)
  })

  it('refuses what would leave the simulated daemon', () => {
    expect(reason('https://example.com/steal?x=1')).toBe('not-absolute')
    expect(reason('//evil.example/x')).toBe('not-absolute')
    expect(reason('containers/json')).toBe('not-absolute')
    expect(reason('/..\\index.html')).toBe('not-absolute')
    expect(reason('/../index.html')).toBe('dot-segment')
    expect(reason('/%2e%2e/index.html')).toBe('dot-segment')
    expect(reason('/containers/./json')).toBe('dot-segment')
    expect(reason('/containers/..')).toBe('dot-segment')
  })

  it('keeps names that merely contain dots', () => {
    expect(reason('/containers/my.app/json')).toBe('sent')
    expect(reason('/images/docker.io/library/busybox:1.25.1/json')).toBe('sent')
    expect(reason('/containers/json?filters={"name":[".."]}')).toBe('sent')
  })
})
