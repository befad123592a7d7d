import { describe, expect, it } from 'vitest'
import { lessonsUrl } from './lessons-url.ts'

const parse = (query: string) => lessonsUrl.parse(new URLSearchParams(query), true)

describe('the lessons’ URL codec', () => {
  it('writes a lesson’s step, but no step on the list or on step 1', () => {
    expect(lessonsUrl.format(parse('lesson=exec-it&step=3'))).toEqual([
      ['lesson', 'exec-it'],
      ['step', '3'],
    ])
    expect(lessonsUrl.format(parse('lesson=exec-it&step=1'))).toEqual([['lesson', 'exec-it']])
    expect(lessonsUrl.format(parse('step=4'))).toEqual([])
  })

  it('reads steps 1 to 99 and lesson ids, and falls back on anything else', () => {
    for (const step of ['0', '100', '2.5', 'x']) expect(parse(`step=${step}`).step).toBe(1)
    expect(parse('step=99').step).toBe(99)
    expect(parse('lesson=../x').lesson).toBe('')
  })
})
