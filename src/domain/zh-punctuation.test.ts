import { describe, expect, it } from 'vitest'
import { fullWidthPunctuation } from './zh-punctuation.ts'

describe('fullWidthPunctuation', () => {
  it('turns ASCII marks that touch Chinese into full-width ones', () => {
    expect(fullWidthPunctuation('只列出运行中(及已暂停)的容器;可用键:exited')).toBe(
      '只列出运行中（及已暂停）的容器；可用键：exited',
    )
    expect(fullWidthPunctuation('返回 201,附带新容器 ID')).toBe('返回 201，附带新容器 ID')
    expect(fullWidthPunctuation('文档写作"无法 attach(容器未运行)"。')).toBe(
      '文档写作“无法 attach（容器未运行）”。',
    )
    expect(fullWidthPunctuation('描述为 "no such container";守护进程')).toBe(
      '描述为 “no such container”；守护进程',
    )
  })

  it('leaves code, URLs, times and JSON alone', () => {
    const text = '见 https://example.com/a?b=1 和 12:30、f(x, y) 与 {"Id":"a"}。'
    expect(fullWidthPunctuation(text)).toBe(text)
  })
})
