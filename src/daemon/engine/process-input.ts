import { processFs } from '../model/fs.ts'
import type { ContainerRecord } from '../model/state.ts'
import type { ProcessInput } from '../process.ts'

/** What a container's process is started with. */
export function processInput(c: ContainerRecord): ProcessInput {
  return {
    fs: processFs(c),
    argv: argv(c),
    tty: c.config.Tty === true,
    openStdin: c.config.OpenStdin === true,
    env: Array.isArray(c.config.Env)
      ? c.config.Env.filter((x): x is string => typeof x === 'string')
      : [],
    hostname: typeof c.config.Hostname === 'string' ? c.config.Hostname : '',
    workingDir: typeof c.config.WorkingDir === 'string' ? c.config.WorkingDir : '',
  }
}

/** The container's command line: Path then Args (an empty entrypoint left out). */
export function argv(c: ContainerRecord): string[] {
  return [c.path, ...c.args].filter((x, i) => i > 0 || x !== '')
}
