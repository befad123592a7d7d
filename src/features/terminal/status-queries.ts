import type { IDisposable, Terminal } from '@xterm/xterm'

/**
 * Terminal status queries in a program's output — cursor position and device status (DSR,
 * `ESC[6n`, `ESC[5n`), device attributes (`ESC[c`, `ESC[>c`), mode reports (`ESC[?…$p`), colour
 * queries (`ESC]4;1;?`, `ESC]10;?`…) — make xterm.js answer through `onData`, the same channel as
 * the keys, so its answer reached the simulated shell as if typed (`4;1;rgb:cccc/0000/0000` at
 * the prompt). No simulated program asks and reads such an answer: the queries are taken here
 * and not answered. Colour *settings* (`ESC]4;1;rgb:…`) still apply.
 */
export function ignoreStatusQueries(terminal: Terminal): IDisposable[] {
  const { parser } = terminal
  const taken = () => true
  return [
    parser.registerCsiHandler({ final: 'n' }, taken),
    parser.registerCsiHandler({ prefix: '?', final: 'n' }, taken),
    parser.registerCsiHandler({ final: 'c' }, taken),
    parser.registerCsiHandler({ prefix: '>', final: 'c' }, taken),
    parser.registerCsiHandler({ intermediates: '$', final: 'p' }, taken),
    parser.registerCsiHandler({ prefix: '?', intermediates: '$', final: 'p' }, taken),
    ...[4, 10, 11, 12].map((id) => parser.registerOscHandler(id, (data) => data.includes('?'))),
  ]
}
