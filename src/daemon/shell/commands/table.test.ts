import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../terminal/test-process.ts'
import { BUSYBOX_APPLETS } from './applets.ts'
import { COMMANDS, lookupCommand } from './table.ts'

const README = join(import.meta.dirname, '../../README.md')
const START = '<!-- commands:start -->'
const END = '<!-- commands:end -->'

/** The README's list of commands, built from the table. */
function markdown(): string {
  const rows = Object.entries(COMMANDS).map(([name, spec]) => {
    const pid1 =
      spec.sigterm === 'ignored'
        ? 'ignores it'
        : spec.sigterm === 'exits 0'
          ? 'exits 0'
          : 'dies (143)'
    return `| \`${name}\` | ${spec.models.replace(/\|/g, '\\|')} | ${pid1} |`
  })
  return [
    START,
    '',
    '| command | what is modelled | SIGTERM as PID 1 |',
    '| --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n')
}

describe('the one command table', () => {
  it('is the list src/daemon/README.md shows', () => {
    const text = readFileSync(README, 'utf8')
    const block = text.slice(text.indexOf(START), text.indexOf(END) + END.length)
    if (process.env.UPDATE_COMMANDS_TABLE === '1' && block !== markdown()) {
      writeFileSync(README, text.replace(block, markdown()))
      return
    }
    expect(block).toBe(markdown())
  })

  it('says what each command models, and runs each one without a model failure', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(spec.models.length, name).toBeGreaterThan(3)
      const t = run({ argv: [name, '--help'] })
      t.advance(1000)
      // 139 is the driver's status for a program that threw: none may.
      expect(t.exitCode, name).not.toBe(139)
    }
  })

  it('knows the busybox applets it does not model, and nothing else', () => {
    expect(lookupCommand('vi')).toEqual({ kind: 'not-modelled' })
    expect(lookupCommand('/bin/ls').kind).toBe('command')
    expect(lookupCommand('nosuch')).toEqual({ kind: 'not-found' })
    expect(lookupCommand('__proto__')).toEqual({ kind: 'not-found' })
    // Every busybox name the table models is a real applet (servers and bash come from other images).
    const others = new Set([
      'bash',
      'dash',
      'nginx',
      'httpd-foreground',
      'redis-server',
      'postgres',
      'mysqld',
      'memcached',
      'mongod',
      'docker-entrypoint.sh',
      'pause',
    ])
    for (const name of Object.keys(COMMANDS)) {
      if (!others.has(name)) expect(BUSYBOX_APPLETS.has(name), name).toBe(true)
    }
  })
})
