// @vitest-environment jsdom
import { Terminal } from '@xterm/xterm'
import { describe, expect, it } from 'vitest'
import { ignoreStatusQueries } from './status-queries.ts'

/** What xterm.js sends through onData while it parses `output` (its answers, no keys typed). */
async function answers(output: string, ignore: boolean): Promise<string[]> {
  const terminal = new Terminal()
  if (ignore) ignoreStatusQueries(terminal)
  const sent: string[] = []
  terminal.onData((d) => sent.push(d))
  await new Promise<void>((resolve) => terminal.write(output, resolve))
  terminal.dispose()
  return sent
}

describe('terminal status queries', () => {
  const queries = '\x1b[6n\x1b[5n\x1b[c\x1b[>c\x1b[?25$p\x1b]10;?\x07\x1b]4;1;?\x07'

  it('xterm.js answers them through onData, the channel of typed keys', async () => {
    expect((await answers(queries, false)).length).toBeGreaterThan(0)
  })

  it('are taken and not answered, so nothing reaches the shell as typed input', async () => {
    expect(await answers(queries, true)).toEqual([])
    // Ordinary output is untouched.
    expect(await answers('hello\r\n\x1b[31mred\x1b[0m', true)).toEqual([])
  })
})
