import Docker from 'dockerode'
import { describe, expect, it } from 'vitest'
import { startDaemonServer } from '../../src/server/server.ts'
import { DOCKER_CLI, dockerCli } from './docker-cli.ts'

/** `--docker-version` reaches the daemon: older releases report their API and refuse newer clients. */
describe('startDaemonServer({ dockerVersion })', () => {
  it.each([
    ['1.9.1', '1.21'],
    ['1.10.3', '1.22'],
    ['1.11.2', '1.23'],
    ['1.12.6', '1.24'],
  ] as const)(
    'Docker %s answers API %s to an unversioned client (dockerode)',
    async (version, api) => {
      const server = await startDaemonServer({ port: 0, dockerVersion: version, log: null })
      try {
        const docker = new Docker({ protocol: 'http', host: '127.0.0.1', port: server.port })
        const answer = await docker.version()
        expect(answer.Version).toBe(version)
        expect(answer.ApiVersion).toBe(api)
      } finally {
        await server.close()
      }
    },
  )

  it.skipIf(!DOCKER_CLI.present)(
    'the docker CLI, which falls back to API 1.24, is refused by Docker 1.11.2',
    async () => {
      const server = await startDaemonServer({ port: 0, dockerVersion: '1.11.2', log: null })
      const cli = dockerCli(server.url)
      try {
        const result = await cli.run(['info'])
        expect(result.code).not.toBe(0)
        // 28.x prints the daemon's message on stderr; 20.10 prints it under "Server:" on stdout.
        expect(`${result.stdout}${result.stderr}`).toContain(
          'client is newer than server (client API version: 1.24, server API version: 1.23)',
        )
      } finally {
        cli.dispose()
        await server.close()
      }
    },
  )
})
