import type { Engine } from '../../engine.ts'
import { untyped } from '../../errors.ts'
import type { SwarmRecord } from '../../model/state.ts'
import { Filters } from '../../wire/filters.ts'
import { bodyJSON, type Ctx, type Handler } from '../context.ts'
import { knownFilters } from '../filter-names.ts'
import { emptyOk, json } from '../http.ts'
import { manager, parseVersion } from './shared.ts'

/**
 * The node routes (API 1.24). A swarm here is this one daemon, so there is one node: the
 * leader manager, named after the simulated host. Removing it is refused the way swarmkit
 * refused removing the last raft member.
 * @see moby api/server/router/swarm/cluster_routes.go, daemon/cluster/cluster.go at v1.12.6
 */

function nodeJSON(e: Engine, s: SwarmRecord) {
  return {
    ID: s.nodeId,
    Version: { Index: s.version - 1 },
    CreatedAt: s.createdAt,
    UpdatedAt: s.updatedAt,
    Spec: { Role: 'manager', Availability: 'active' },
    Description: {
      Hostname: 'docker-host',
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 4000000000, MemoryBytes: 8369942528 },
      Engine: {
        EngineVersion: e.dockerVersion,
        Plugins: [
          { Type: 'Network', Name: 'bridge' },
          { Type: 'Network', Name: 'host' },
          { Type: 'Network', Name: 'null' },
          { Type: 'Network', Name: 'overlay' },
          { Type: 'Volume', Name: 'local' },
        ],
      },
    },
    Status: { State: 'ready' },
    ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: s.advertiseAddr },
  }
}

function findNode(ctx: Ctx, s: SwarmRecord, input: string) {
  if (input !== '' && (s.nodeId.startsWith(input) || input === 'docker-host'))
    return nodeJSON(ctx.engine, s)
  throw untyped(`node ${input} not found`)
}

export const nodeList: Handler = (ctx) => {
  const f = Filters.parse(ctx.query.get('filters'))
  const s = manager(ctx)
  knownFilters(f, 'NodeList', ctx.engine.dockerVersion)
  const node = nodeJSON(ctx.engine, s)
  const ok =
    (!f.include('id') || f.get('id').some((x) => s.nodeId.startsWith(x))) &&
    (!f.include('name') || f.get('name').some((x) => 'docker-host'.startsWith(x))) &&
    (!f.include('role') || f.get('role').includes('manager')) &&
    (!f.include('membership') || f.get('membership').includes('accepted'))
  return json(200, ok ? [node] : [])
}

export const nodeInspect: Handler = (ctx) => json(200, findNode(ctx, manager(ctx), ctx.param))

export const nodeDelete: Handler = (ctx) => {
  const s = manager(ctx)
  const node = findNode(ctx, s, ctx.param)
  throw untyped(
    `rpc error: code = 9 desc = node ${node.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
  )
}

export const nodeUpdate: Handler = (ctx) => {
  const s = manager(ctx)
  bodyJSON(ctx)
  const version = parseVersion(ctx, 'node')
  findNode(ctx, s, ctx.param)
  if (version !== s.version - 1) throw untyped('rpc error: code = 2 desc = update out of sequence')
  s.version += 1
  return emptyOk()
}
