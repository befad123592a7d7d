import { describe, expect, it } from 'vitest'
import { type Command, type List, ParseError, parse } from './parse.ts'

/** The parsed list with words flattened to their source text, for compact expectations. */
function show(list: List): unknown[] {
  return list.map(({ op, cmd }) => [op, showCmd(cmd)])
}
function showCmd(cmd: Command): unknown {
  if (cmd.kind === 'simple') {
    const words = cmd.words.map((w) => w.map((p) => p.text).join(''))
    return cmd.toStderr ? [...words, '>&2'] : words
  }
  if (cmd.kind === 'pipe') return { pipe: cmd.stages.map(showCmd) }
  if (cmd.kind === 'while') {
    return { [cmd.until ? 'until' : 'while']: show(cmd.cond), do: show(cmd.body) }
  }
  return {
    for: cmd.name,
    in: cmd.items.map((w) => w.map((p) => p.text).join('')),
    do: show(cmd.body),
  }
}

describe('sh -c parser', () => {
  it('splits on ; && || and newlines, keeping quotes whole', () => {
    expect(show(parse(`echo 'a; b' && false || echo "c d"\necho e;`))).toEqual([
      [';', ['echo', 'a; b']],
      ['&&', ['false']],
      ['||', ['echo', 'c d']],
      [';', ['echo', 'e']],
    ])
  })

  it('marks single-quoted text as literal and the rest as expandable', () => {
    const [item] = parse(`echo '$HOME'"$HOME"$X`)
    expect(item?.cmd.kind === 'simple' && item.cmd.words[1]).toEqual([
      { text: '$HOME', expand: false },
      { text: '$HOME$X', expand: true },
    ])
  })

  it('reads >&2 and 1>&2 as "stdout to stderr" and ignores 2>&1', () => {
    expect(show(parse('echo err >&2; echo x 1>&2; echo y 2>&1'))).toEqual([
      [';', ['echo', 'err', '>&2']],
      [';', ['echo', 'x', '>&2']],
      [';', ['echo', 'y']],
    ])
  })

  it('parses while/until and for loops, nested', () => {
    expect(show(parse('while true; do echo hello; sleep 1; done'))).toEqual([
      [
        ';',
        {
          while: [[';', ['true']]],
          do: [
            [';', ['echo', 'hello']],
            [';', ['sleep', '1']],
          ],
        },
      ],
    ])
    expect(show(parse('for i in a b; do until false; do echo $i; done; done; echo end'))).toEqual([
      [
        ';',
        {
          for: 'i',
          in: ['a', 'b'],
          do: [[';', { until: [[';', ['false']]], do: [[';', ['echo', '$i']]] }]],
        },
      ],
      [';', ['echo', 'end']],
    ])
  })

  it('keeps keywords as plain words in argument position', () => {
    expect(show(parse('echo do done while'))).toEqual([[';', ['echo', 'do', 'done', 'while']]])
  })

  it('parses pipes and arithmetic expansion', () => {
    expect(show(parse('ps | grep sh | wc -l && echo $((1 + 2))'))).toEqual([
      [';', { pipe: [['ps'], ['grep', 'sh'], ['wc', '-l']] }],
      ['&&', ['echo', '$((1 + 2))']],
    ])
    expect(() => parse('echo $((1 + 2)')).toThrow(ParseError)
  })

  it('rejects what it does not support', () => {
    for (const s of [
      'sleep 1 &',
      'echo $(date)',
      'echo > /tmp/x',
      "echo 'open",
      'while true; do echo x',
      '&& echo x',
    ]) {
      expect(() => parse(s), s).toThrow(ParseError)
    }
  })
})
