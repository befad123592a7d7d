import { type EtcFiles, listDir, statPath } from '../model/fs.ts'
import type { ContainerRecord, ExecRecord } from '../model/state.ts'
import type { ProcessInput } from '../process.ts'
import type { ProcessFiles } from '../shell/program.ts'

/** The container's files as its processes see them (fs.ts: the image skeleton plus PUT /archive). */
function files(c: ContainerRecord, etc: () => EtcFiles): ProcessFiles {
  return {
    read: (path) => {
      // Asked at each read: a kubelet may have appended to resolv.conf since the start.
      const st = statPath(c, path, etc())
      return st === null || st.dir ? null : st.content
    },
    list: (path) => listDir(c, path),
    stat: (path) => {
      const st = statPath(c, path, etc())
      return st === null ? null : { dir: st.dir, size: st.size }
    },
  }
}

function env(c: ContainerRecord): string[] {
  return Array.isArray(c.config.Env)
    ? c.config.Env.filter((x): x is string => typeof x === 'string')
    : []
}

/**
 * What a container's process is started with; `now` is the daemon clock, `etc` the container's
 * /etc/hostname, hosts and resolv.conf as the host set them up (engine/host-files.ts).
 */
export function processInput(
  c: ContainerRecord,
  now: () => number,
  etc: () => EtcFiles = () => ({}),
): ProcessInput {
  return {
    files: files(c, etc),
    argv: argv(c),
    tty: c.config.Tty === true,
    openStdin: c.config.OpenStdin === true,
    env: env(c),
    hostname: typeof c.config.Hostname === 'string' ? c.config.Hostname : '',
    workingDir: typeof c.config.WorkingDir === 'string' ? c.config.WorkingDir : '',
    now,
    created: Date.parse(c.created),
    image: typeof c.config.Image === 'string' ? c.config.Image : '',
  }
}

/**
 * What an exec's process is started with: the container's environment and working directory
 * (1.12's exec has neither of its own), its own TTY, and stdin open only with AttachStdin (`-i`).
 */
export function execInput(
  c: ContainerRecord,
  ex: ExecRecord,
  now: () => number,
  etc: () => EtcFiles = () => ({}),
): ProcessInput {
  return {
    ...processInput(c, now, etc),
    argv: [ex.entrypoint, ...ex.arguments],
    tty: ex.tty,
    openStdin: ex.attachStdin,
    containerCommand: argv(c),
  }
}

/** The container's command line: Path then Args (an empty entrypoint left out). */
export function argv(c: ContainerRecord): string[] {
  return [c.path, ...c.args].filter((x, i) => i > 0 || x !== '')
}
