import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import type { ContainerRecord } from '../../model/state.ts'
import { goQuote } from '../../wire/filters.ts'
import { isObject } from '../context.ts'
import { strs } from '../create-config/read.ts'

/** `volume.ParseMountSpec` for `src:dst[:mode]`. */
export function validateBind(bind: string): string[] {
  const parts = bind.split(':')
  const destination = parts[1] ?? ''
  if (parts.length < 2 || parts.length > 3 || parts[0] === '' || !destination.startsWith('/')) {
    throw untyped(
      `Invalid bind mount spec ${goQuote(bind)}: invalid volume specification: '${bind}'`,
    )
  }
  return parts
}

/** Anonymous volumes for Config.Volumes, named volumes and bind mounts for HostConfig.Binds. */
export function setupMounts(e: Engine, c: ContainerRecord): void {
  for (const bind of strs(c.hostConfig, 'Binds')) {
    const [source = '', destination = '', mode = ''] = validateBind(bind)
    const rw = !mode.split(',').includes('ro')
    if (source.startsWith('/')) {
      c.mounts.push({ source, destination, mode, rw, propagation: 'rprivate' })
    } else {
      const v = ensureVolume(e, source)
      c.mounts.push({
        name: v.name,
        source: v.mountpoint,
        destination,
        driver: v.driver,
        mode: mode === '' ? 'z' : mode,
        rw,
        propagation: 'rprivate',
      })
    }
  }
  const volumes = c.config.Volumes
  if (isObject(volumes)) {
    for (const destination of Object.keys(volumes)) {
      if (c.mounts.some((m) => m.destination === destination)) continue
      const v = ensureVolume(e, e.registry.newId())
      c.mounts.push({
        name: v.name,
        source: v.mountpoint,
        destination,
        driver: 'local',
        mode: '',
        rw: true,
        propagation: '',
      })
    }
  }
}

/** The named volume, made with the local driver on first use (as `-v name:/path` does). */
export function ensureVolume(e: Engine, name: string) {
  const existing = e.state.volumes.get(name)
  if (existing !== undefined) return existing
  const v = {
    name,
    driver: 'local',
    mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    labels: {},
    options: {},
    scope: 'local' as const,
  }
  e.state.volumes.set(name, v)
  e.events.emit('volume', 'create', name, { driver: 'local' })
  return v
}
