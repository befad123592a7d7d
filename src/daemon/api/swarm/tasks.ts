import { untyped } from '../../errors.ts'
import type { SwarmRecord } from '../../model/state.ts'
import { Filters } from '../../wire/filters.ts'
import { type Ctx, type Handler, isObject } from '../context.ts'
import { knownFilters } from '../filter-names.ts'
import { json } from '../http.ts'
import { manager } from './shared.ts'

/**
 * The task routes (API 1.24). Tasks are not stored: they are read off the services' task
 * ids, each nominally running on this node, so a service update is seen here at once.
 * @see moby api/server/router/swarm/cluster_routes.go, daemon/cluster/cluster.go at v1.12.6
 */

function tasksOf(ctx: Ctx, s: SwarmRecord) {
  return s.services.flatMap((svc) =>
    svc.taskIds.map((id, i) => ({
      ID: id,
      Version: { Index: svc.version + 2 },
      CreatedAt: svc.createdAt,
      UpdatedAt: svc.updatedAt,
      Spec: isObject(svc.spec.TaskTemplate) ? svc.spec.TaskTemplate : {},
      ServiceID: svc.id,
      Slot: i + 1,
      NodeID: s.nodeId,
      Status: {
        Timestamp: svc.updatedAt,
        State: 'running',
        Message: 'started',
        ContainerStatus: { ContainerID: ctx.engine.registry.newIdFor(`${id}`), PID: 4000 + i },
      },
      DesiredState: 'running',
      NetworksAttachments: [],
    })),
  )
}

export const taskList: Handler = (ctx) => {
  const f = Filters.parse(ctx.query.get('filters'))
  const s = manager(ctx)
  knownFilters(f, 'TaskList', ctx.engine.dockerVersion)
  const out = tasksOf(ctx, s).filter(
    (t) =>
      (!f.include('id') || f.get('id').some((p) => t.ID.startsWith(p))) &&
      (!f.include('service') ||
        f
          .get('service')
          .some(
            (p) =>
              t.ServiceID.startsWith(p) ||
              s.services.some((x) => x.id === t.ServiceID && x.spec.Name === p),
          )) &&
      (!f.include('desired-state') || f.get('desired-state').includes('running')),
  )
  return json(200, out)
}

export const taskInspect: Handler = (ctx) => {
  const s = manager(ctx)
  const hits = tasksOf(ctx, s).filter((t) => ctx.param !== '' && t.ID.startsWith(ctx.param))
  if (hits.length === 0 || hits[0] === undefined) throw untyped(`task ${ctx.param} not found`)
  if (hits.length > 1)
    throw untyped(`task ${ctx.param} is ambiguous (${hits.length} matches found)`)
  return json(200, hits[0])
}
