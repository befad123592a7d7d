import { untyped } from '../../errors.ts'
import type { JsonObject } from '../../model/state.ts'
import { isObject } from '../context.ts'
import { num, str, strs } from './read.ts'

/**
 * The checks a create body must pass once it is decoded. Apart from decoding because Go ran
 * them as a separate step after the decode succeeded (a type error always wins over a
 * conflict), and only for create — update and start decode without them.
 */

/**
 * The checks DecodeContainerConfig makes after decoding (runconfig/config.go): ValidateNetMode,
 * ValidateIsolation, ValidateQoS (runconfig/hostconfig_unix.go). Create only: update decodes
 * an UpdateConfig and start uses DecodeHostConfig, which skip them.
 */
export function validateDecoded(config: JsonObject | null, hc: JsonObject | null): void {
  if (hc === null) return
  const mode = str(hc, 'NetworkMode')
  const [kind, target] = mode.split(':')
  const isContainer = kind === 'container'
  if (isContainer && (target === undefined || target === ''))
    throw untyped('--net: invalid net mode: invalid container format container:<name|id>')
  // Go dereferences the Config here; without one it would panic, so these need a Config.
  if (config !== null) {
    const conflict = (what: string) => untyped(`Conflicting options: ${what}`)
    const isHost = mode === 'host'
    const hostname = str(config, 'Hostname') !== ''
    const links = strs(hc, 'Links').length > 0
    if (isContainer && hostname) throw conflict('hostname and the network mode')
    if (str(hc, 'UTSMode') === 'host' && hostname) throw conflict('hostname and the UTS mode')
    if (isHost && links)
      throw conflict(
        "host type networking can't be used with links. This would result in undefined behavior",
      )
    if (isContainer && links)
      throw conflict(
        "container type network can't be used with links. This would result in undefined behavior",
      )
    if (isContainer && strs(hc, 'Dns').length > 0) throw conflict('dns and the network mode')
    if (isContainer && strs(hc, 'ExtraHosts').length > 0)
      throw conflict('custom host-to-IP mapping and the network mode')
    if ((isContainer || isHost) && str(config, 'MacAddress') !== '')
      throw conflict('mac-address and the network mode')
    const bindings = hc.PortBindings
    const publishes =
      (isObject(bindings) && Object.keys(bindings).length > 0) || hc.PublishAllPorts === true
    if (isContainer && publishes)
      throw conflict('port publishing and the container type network mode')
    const exposed = config.ExposedPorts
    if (isContainer && isObject(exposed) && Object.keys(exposed).length > 0)
      throw conflict('port exposing and the container type network mode')
  }
  const isolation = str(hc, 'Isolation')
  if (isolation !== '' && isolation.toLowerCase() !== 'default')
    throw untyped(
      `invalid --isolation: ${JSON.stringify(isolation)} - linux only supports 'default'`,
    )
  if (num(hc, 'IOMaximumBandwidth') !== 0)
    throw untyped('invalid QoS settings: linux does not support --io-maxbandwidth')
  if (num(hc, 'IOMaximumIOps') !== 0)
    throw untyped('invalid QoS settings: linux does not support --io-maxiops')
}
