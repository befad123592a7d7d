import { describe, expect, it } from 'vitest'
import { clockRows, formatNodeTime, ticks } from './clock-math.ts'
import { diffDaemon, viewOf } from './daemon-changes.ts'

describe('node clock arithmetic', () => {
  it('counts a loop’s ticks in a window: the first at 0+, then every period', () => {
    expect(ticks(1, 0, 60)).toBe(60)
    expect(ticks(2, 0, 60)).toBe(30)
    expect(ticks(300, 0, 60)).toBe(1)
    expect(ticks(300, 60, 120)).toBe(0)
    expect(ticks(300, 0, 3600)).toBe(12)
    expect(ticks(5, 0, 0)).toBe(0)
  })

  it('sums the loops per request line; GC inspects grow with the pods, lists do not', () => {
    const minute = (pods: number) =>
      Object.fromEntries(clockRows('1.4', pods, 60).map((r) => [r.key, r.inMinute]))
    const one = minute(1)
    const full = minute(110)
    expect(full['GET /containers/json?all=1&limit=0']).toBe(
      one['GET /containers/json?all=1&limit=0'],
    )
    expect(one['GET /containers/{id}/json']).toBe(2)
    expect(full['GET /containers/{id}/json']).toBe(220)
    // sorted heaviest first
    expect(clockRows('1.4', 110, 60)[0]?.key).toBe('GET /containers/{id}/json')
    // an hour of calls is the sum of its minutes
    const hour = clockRows('1.3', 110, 3600).reduce((n, r) => n + r.soFar, 0)
    let byMinute = 0
    for (let m = 1; m <= 60; m++)
      byMinute += clockRows('1.3', 110, m * 60).reduce((n, r) => n + r.inMinute, 0)
    expect(hour).toBe(byMinute)
  })

  it('formats node time as mm:ss, then h:mm:ss', () => {
    expect(formatNodeTime(0)).toBe('00:00')
    expect(formatNodeTime(61.9)).toBe('01:01')
    expect(formatNodeTime(3600)).toBe('1:00:00')
  })
})

describe('daemon changes between two looks', () => {
  it('names containers that appear, go or change status, and images pulled or deleted', () => {
    const before = viewOf(
      [
        {
          id: 'a',
          name: 'k8s_POD.1',
          image: 'pause',
          status: 'created',
          running: false,
          tty: false,
          created: '',
        },
        {
          id: 'b',
          name: 'old',
          image: 'x',
          status: 'exited',
          running: false,
          tty: false,
          created: '',
        },
      ],
      [{ id: 'sha256:1', tags: ['busybox:latest'] }],
    )
    const after = viewOf(
      [
        {
          id: 'a',
          name: 'k8s_POD.1',
          image: 'pause',
          status: 'running',
          running: true,
          tty: false,
          created: '',
        },
        {
          id: 'c',
          name: 'k8s_nginx.2',
          image: 'nginx',
          status: 'created',
          running: false,
          tty: false,
          created: '',
        },
      ],
      [{ id: 'sha256:2', tags: ['nginx:latest'] }],
    )
    expect(diffDaemon(before, after)).toEqual([
      { kind: 'status', name: 'k8s_POD.1', from: 'created', to: 'running' },
      { kind: 'added', name: 'k8s_nginx.2' },
      { kind: 'removed', name: 'old' },
      { kind: 'image-added', name: 'nginx:latest' },
      { kind: 'image-removed', name: 'busybox:latest' },
    ])
    expect(diffDaemon(after, after)).toEqual([])
  })
})
