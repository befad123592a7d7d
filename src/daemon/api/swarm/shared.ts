import { untyped } from '../../errors.ts'
import type { SwarmRecord } from '../../model/state.ts'
import type { Ctx } from '../context.ts'

/**
 * What the swarm, node, service and task handlers share: the manager check every one of them
 * makes first, and the `?version=` parameter of the three updates. One copy, so the 406 text
 * and the strconv error cannot drift between resources.
 * @see moby api/server/router/swarm/cluster_routes.go and daemon/cluster/cluster.go at v1.12.6
 */

const NO_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'

export function manager(ctx: Ctx): SwarmRecord {
  const s = ctx.engine.state.swarm
  if (s === null) throw untyped(NO_MANAGER)
  return s
}

export function parseVersion(ctx: Ctx, what: string): number {
  const raw = ctx.query.get('version') ?? ''
  if (!/^\d+$/.test(raw)) {
    throw untyped(
      `Invalid ${what} version '${raw}': strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
    )
  }
  return Number(raw)
}
