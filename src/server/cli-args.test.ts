import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './cli-args.ts'

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:2375, Docker 1.12.6, with a request log', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: {
        port: 2375,
        host: '127.0.0.1',
        socket: null,
        dockerVersion: '1.12.6',
        dataRoot: null,
        quiet: false,
      },
    })
  })

  it('reads --flag value and --flag=value', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--docker-version',
        '1.11.2',
        '--data-root',
        '/srv/docker',
        '--quiet',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '0.0.0.0',
        socket: null,
        dockerVersion: '1.11.2',
        dataRoot: '/srv/docker',
        quiet: true,
      },
    })
  })

  it('reads a Unix socket path', () => {
    const parsed = parseCliArgs(['--socket', '/tmp/docker.sock'])
    expect(parsed.kind === 'run' && parsed.options.socket).toBe('/tmp/docker.sock')
    expect(parseCliArgs(['--socket='])).toEqual({
      kind: 'error',
      message: 'invalid --socket: empty',
    })
  })

  it('shows help', () => {
    expect(parseCliArgs(['--help']).kind).toBe('help')
    expect(parseCliArgs(['-h']).kind).toBe('help')
  })

  it.each([
    [['--port', 'abc'], 'invalid --port: abc'],
    [['--port', '70000'], 'invalid --port: 70000'],
    [['--port'], 'option --port needs a value'],
    [['--docker-version', '1.13.0'], 'invalid --docker-version: 1.13.0'],
    [['--data-root='], 'invalid --data-root: empty'],
    [['--verbose'], 'unknown option: --verbose'],
    [['serve'], 'unknown option: serve'],
  ])('rejects %j', (argv, message) => {
    const parsed = parseCliArgs(argv)
    expect(parsed.kind).toBe('error')
    expect(parsed.kind === 'error' && parsed.message).toContain(message)
  })
})
