import { describe, expect, it } from 'vitest'
import { endpointUrl } from './endpoint-url.ts'

describe('the endpoint page’s URL codec', () => {
  it('keeps an endpoint id and nothing that is not one', () => {
    expect(endpointUrl.parse(new URLSearchParams('endpoint=ExecResize'), true)).toBe('ExecResize')
    expect(endpointUrl.parse(new URLSearchParams('endpoint=%3Cimg%3E'), true)).toBe('')
    expect(endpointUrl.format('ExecResize')).toEqual([['endpoint', 'ExecResize']])
    expect(endpointUrl.format('')).toEqual([])
  })
})
