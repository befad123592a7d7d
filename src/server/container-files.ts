import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ContainerFilesSink } from '../daemon/index.ts'

/**
 * The data root of `npm run daemon`: a real directory where each container's resolv.conf,
 * hostname and hosts are written as Docker 1.12 wrote them under /var/lib/docker/containers/<id>/
 * — a kubelet opens the pause container's resolv.conf itself after starting it
 * (docker_manager.go addNDotsOption), so the path inspect reports must exist on this host.
 */

/** At most this many containers have files at once; past it a start writes none (and says so). */
export const MAX_CONTAINER_DIRS = 10_000
/** The host's resolv.conf is read, and each container file written, up to this size. */
const MAX_FILE_BYTES = 64 * 1024
const HEX64 = /^[0-9a-f]{64}$/

export interface DataRoot extends ContainerFilesSink {
  /** Absolute path, reported as DockerRootDir. */
  readonly path: string
  /** The host's /etc/resolv.conf (what containers' resolv.conf derive from), or undefined. */
  readonly hostResolvConf: string | undefined
  /** Removes every container directory written here, and the root itself if it was created here. */
  dispose(): void
}

/**
 * Opens (or creates) the data root. Without `dir`, a fresh temporary directory, removed by
 * `dispose`. A directory given by the user is kept; only the container directories this
 * process wrote are removed.
 */
export function openDataRoot(
  dir: string | undefined,
  options: {
    log?: (line: string) => void
    maxContainers?: number
    hostResolvConfPath?: string
  } = {},
): DataRoot {
  const created = dir === undefined
  const path = created ? mkdtempSync(join(tmpdir(), 'docker-explorer-')) : resolve(dir)
  mkdirSync(join(path, 'containers'), { recursive: true })
  const max = options.maxContainers ?? MAX_CONTAINER_DIRS
  const written = new Set<string>()
  let warned = false
  const dirOf = (id: string) => join(path, 'containers', id)
  const removeDir = (id: string) => {
    try {
      rmSync(dirOf(id), { recursive: true, force: true })
    } catch {
      // A directory that cannot be removed is left behind; the daemon goes on.
    }
    written.delete(id)
  }
  return {
    path,
    hostResolvConf: readHostResolvConf(options.hostResolvConfPath ?? '/etc/resolv.conf'),
    write(id, files) {
      // Ids come from the daemon; anything else never names a directory.
      if (!HEX64.test(id)) return
      if (!written.has(id) && written.size >= max) {
        if (!warned) options.log?.(`data root: more than ${max} containers, no more files written`)
        warned = true
        return
      }
      try {
        const d = dirOf(id)
        mkdirSync(d, { recursive: true })
        writeFileSync(join(d, 'hostname'), capped(files.hostname))
        // A create with a million --add-host entries must not fill the disk.
        writeFileSync(join(d, 'hosts'), capped(files.hosts))
        // A resolv.conf changed since it was written (the kubelet appends `options ndots:5`)
        // is kept on a restart, as libnetwork's updateDNS keeps a user-modified one.
        const resolvConf = join(d, 'resolv.conf')
        if (!existsSync(resolvConf)) writeFileSync(resolvConf, capped(files.resolvConf))
        written.add(id)
      } catch (error) {
        options.log?.(`data root: cannot write the files of ${id.slice(0, 12)}: ${String(error)}`)
      }
    },
    remove(id) {
      if (HEX64.test(id)) removeDir(id)
    },
    read(id, name) {
      if (!HEX64.test(id) || !written.has(id)) return null
      try {
        return capped(readFileSync(join(dirOf(id), name), 'utf8'))
      } catch {
        return null
      }
    },
    dispose() {
      for (const id of [...written]) removeDir(id)
      if (created) rmSync(path, { recursive: true, force: true })
    },
  }
}

/** At most MAX_FILE_BYTES characters, cut after the last whole line that fits. */
function capped(text: string): string {
  if (text.length <= MAX_FILE_BYTES) return text
  const cut = text.lastIndexOf('\n', MAX_FILE_BYTES - 1)
  return text.slice(0, cut < 0 ? MAX_FILE_BYTES : cut + 1)
}

function readHostResolvConf(file: string): string | undefined {
  try {
    return capped(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}
