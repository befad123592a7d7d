import { describe, expect, it } from 'vitest'
import { engineApi, splitImageReference, withDefaultTag } from './engine-api.ts'

describe('the requests engine-api builds for the kubelet', () => {
  it('lists containers with limit=0, all=1 only for all', () => {
    expect(engineApi.listContainers(true).request.query).toEqual({ all: '1', limit: '0' })
    expect(engineApi.listContainers(false).request.query).toEqual({ limit: '0' })
    expect(engineApi.listContainers(true).request.path).toBe('/containers/json')
  })

  it('inspects an image with size=1 and pulls repository and tag apart, with X-Registry-Auth', () => {
    expect(engineApi.inspectImage('busybox').request.query).toEqual({ size: '1' })
    const pull = engineApi.pullImage('gcr.io/google_containers/pause-amd64:3.0').request
    expect(pull.query).toEqual({ fromImage: 'gcr.io/google_containers/pause-amd64', tag: '3.0' })
    expect(pull.headers['x-registry-auth']).toBe('e30K')
    expect(atob('e30K')).toBe('{}\n')
  })

  it('removes an image with noprune=1 unless children are pruned (1.3 vs 1.4)', () => {
    expect(engineApi.removeImage('sha256:ab', false).request.query).toEqual({ noprune: '1' })
    expect(engineApi.removeImage('sha256:ab', true).request.query).toEqual({})
  })

  it('always sends tail, empty when unset', () => {
    const q = engineApi.logs('c', { since: '0', timestamps: false, follow: true, tail: '' }).request
      .query
    expect(q).toEqual({ stdout: '1', stderr: '1', since: '0', follow: '1', tail: '' })
  })

  it('attaches with stream=1 and only the streams asked for, as a hijacked POST', () => {
    const r = engineApi.attach('c', { stdin: true, stdout: true, stderr: false }).request
    expect(r.query).toEqual({ stream: '1', stdin: '1', stdout: '1' })
    expect(r.mode).toBe('hijack')
    expect(r.headers.upgrade).toBe('tcp')
  })

  it('applies the default tag to a reference without one (docker.go applyDefaultImageTag)', () => {
    expect(withDefaultTag('busybox')).toBe('busybox:latest')
    expect(withDefaultTag('localhost:5000/busybox')).toBe('localhost:5000/busybox:latest')
    expect(withDefaultTag('nginx:1.11')).toBe('nginx:1.11')
    expect(splitImageReference('busybox@sha256:abc')).toEqual({
      repository: 'busybox',
      tag: 'sha256:abc',
    })
  })

  it('no path carries an API version prefix', () => {
    for (const build of [
      engineApi.version(),
      engineApi.info(),
      engineApi.resizeExec('e', { height: 1, width: 2 }),
    ]) {
      expect(build.request.path).not.toMatch(/^\/v\d/)
    }
  })
})
