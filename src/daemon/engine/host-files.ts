import { conflict, untyped } from '../errors.ts'
import type { EtcFiles } from '../model/fs.ts'
import {
  type ContainerHostFiles,
  containerHostFiles,
  field,
  hostFilePaths,
} from '../model/host-files.ts'
import type { ContainerRecord } from '../model/state.ts'
import type { Registry } from './registry.ts'

/**
 * Where a daemon's container files go, told by the engine as containers start and are removed.
 * The model stays pure: `npm run daemon` passes a sink that writes them under its data root.
 */
export interface ContainerFilesSink {
  /** A container started on its own network: its files as they are now. */
  write(containerId: string, files: ContainerHostFiles): void
  /** The container was removed: its directory goes. */
  remove(containerId: string): void
  /**
   * A file as it is now (a kubelet appends `options ndots:5` to the pause container's
   * resolv.conf), or null: what `cat /etc/resolv.conf` in the container shows.
   */
  read?(containerId: string, name: 'hostname' | 'hosts' | 'resolv.conf'): string | null
}

/** What the daemon knows of its host for these files. */
export interface HostSetup {
  /** `DockerRootDir`: the container files are under `<dataRoot>/containers/<id>/`. */
  dataRoot: string
  /** The host's /etc/resolv.conf, which a container's is derived from. */
  resolvConf: string
  files: ContainerFilesSink | null
}

/**
 * The namespaces a starting container joins, and its hostname, hosts and resolv.conf files.
 * @see moby daemon/container_operations.go (initializeNetworking, getNetworkedContainer) and
 *   daemon/oci_linux.go (getIpcContainer) at v1.12.6
 */
export class ContainerHostSetup {
  constructor(
    private readonly registry: Registry,
    readonly host: HostSetup,
  ) {}

  /**
   * Before the process starts: a `container:<id>` network or IPC mode needs that container
   * running. Joining a network takes the other container's files and hostname
   * (initializeNetworking copies HostnamePath, HostsPath, ResolvConfPath, Hostname and
   * Domainname).
   */
  join(c: ContainerRecord): void {
    const ipc = field(c.hostConfig, 'IpcMode')
    if (ipc.startsWith('container:')) {
      const ref = ipc.slice('container:'.length)
      const other = this.registry.getContainer(ref)
      if (other.state.status !== 'running' && other.state.status !== 'paused')
        throw untyped(`cannot join IPC of a non running container: ${ref}`)
    }
    const net = field(c.hostConfig, 'NetworkMode')
    if (!net.startsWith('container:')) return
    const ref = net.slice('container:'.length)
    const other = this.registry.getContainer(ref)
    if (other.id === c.id) throw untyped('cannot join own network')
    if (other.state.status === 'restarting')
      throw conflict(`Container ${ref} is restarting, wait until the container is running`)
    if (other.state.status !== 'running' && other.state.status !== 'paused')
      throw conflict(`cannot join network of a non running container: ${ref}`)
    c.hostFilesOf = other.hostFilesOf ?? other.id
    c.config.Hostname = other.config.Hostname ?? ''
    c.config.Domainname = other.config.Domainname ?? ''
  }

  /** Once its endpoints have addresses: a container on its own network writes its files. */
  started(c: ContainerRecord): void {
    if (field(c.hostConfig, 'NetworkMode').startsWith('container:')) return
    c.hostFilesOf = c.id
    this.host.files?.write(c.id, containerHostFiles(c, this.host.resolvConf))
  }

  removed(c: ContainerRecord): void {
    if (c.hostFilesOf === c.id) this.host.files?.remove(c.id)
  }

  /**
   * What the container's processes read at /etc/hostname, /etc/hosts and /etc/resolv.conf:
   * the owner's files as the sink reads them back, else as the daemon would write them now.
   */
  etcFiles(c: ContainerRecord): EtcFiles {
    const ownerId = c.hostFilesOf
    if (ownerId === undefined) return {}
    const owner = this.registry.state.containers.get(ownerId)
    const made = owner === undefined ? undefined : containerHostFiles(owner, this.host.resolvConf)
    const read = (name: 'hostname' | 'hosts' | 'resolv.conf') =>
      this.host.files?.read?.(ownerId, name) ?? undefined
    return {
      hostname: read('hostname') ?? made?.hostname,
      hosts: read('hosts') ?? made?.hosts,
      resolvConf: read('resolv.conf') ?? made?.resolvConf,
    }
  }

  /** ResolvConfPath, HostnamePath and HostsPath of inspect: empty until the first start. */
  paths(c: ContainerRecord): { ResolvConfPath: string; HostnamePath: string; HostsPath: string } {
    if (c.hostFilesOf === undefined) return { ResolvConfPath: '', HostnamePath: '', HostsPath: '' }
    return hostFilePaths(this.host.dataRoot, c.hostFilesOf)
  }
}
