import type { UnreachableStatus } from './types.ts'

/**
 * Documented statuses that a Docker 1.12.6 daemon (stable build, single host) never sends,
 * or that need a failure the simulation has no way to cause. Each has its reason.
 */
export const unreachableStatuses: UnreachableStatus[] = [
  {
    endpointId: 'ContainerCreate',
    status: 406,
    reason:
      'Doc: "impossible to attach (container not running)". Create never attaches; no code path in daemon/create.go returns an error containing "impossible".',
  },
  {
    endpointId: 'ContainerLogs',
    status: 101,
    reason:
      'The logs handler never hijacks or upgrades the connection (container_routes.go getContainersLogs writes a normal 200 stream).',
  },
  {
    endpointId: 'ContainerUpdate',
    status: 400,
    reason:
      'daemon/update.go returns only untyped errors without a 400 keyword (verifyContainerSettings, "Cannot update container …"): they are 500.',
  },
  {
    endpointId: 'ContainerAttach',
    status: 400,
    reason:
      'Attach errors are written on the hijacked connection with GetHTTPErrorStatusCode; none carries a 400 status or keyword.',
  },
  {
    endpointId: 'ContainerAttachWebsocket',
    status: 200,
    reason:
      'A successful websocket handshake is 101 Switching Protocols; without a handshake x/net/websocket answers 400.',
  },
  {
    endpointId: 'ContainerPutArchive',
    status: 403,
    reason:
      'ErrRootFSReadOnly ("container rootfs is marked read-only", daemon/container_operations.go) has no HTTP status in 1.12, so it is 500 (there is a scenario for that).',
  },
  {
    endpointId: 'ImageInspect',
    status: 500,
    reason: 'LookupImage replaces every lookup error with the typed 404 "No such image: <name>".',
  },
  {
    endpointId: 'ImagePush',
    status: 404,
    reason:
      'An image missing locally is reported in-stream ("An image does not exist locally with the tag") after "The push refers to a repository" was flushed, so the status is already 200.',
  },
  {
    endpointId: 'ImageTag',
    status: 400,
    reason:
      'daemon/image_tag.go returns reference errors ("invalid reference format", "invalid tag format") without a status or keyword: 500.',
  },
  {
    endpointId: 'ImageTag',
    status: 409,
    reason:
      'Since 1.10 tagging always forces (referenceStore.AddTag(…, true)): an existing tag is moved, never a conflict.',
  },
  {
    endpointId: 'SystemAuth',
    status: 204,
    reason: 'postAuth always answers with WriteJSON(200, AuthResponse).',
  },
  {
    endpointId: 'SystemInfo',
    status: 500,
    reason:
      'daemon/info.go SystemInfo cannot fail in 1.12.6: a host fact it cannot read (kernel version, operating system, memory info) is only logged and left empty, and getInfo then writes 200.',
  },
  {
    endpointId: 'SystemVersion',
    status: 500,
    reason: 'getVersion cannot fail.',
  },
  {
    endpointId: 'SystemPing',
    status: 500,
    reason: 'pingHandler fails only if writing two bytes to the connection fails.',
  },
  {
    endpointId: 'ExecResize',
    status: 201,
    reason:
      'Doc says 201, but postContainerExecResize returns nil without WriteHeader, so Go sends 200 (a scenario checks 200).',
  },
  {
    endpointId: 'VolumeInspect',
    status: 500,
    reason:
      'Only a volume driver failure (a plugin) makes inspect fail with something else than "no such volume" (404).',
  },
  {
    endpointId: 'VolumeDelete',
    status: 500,
    reason: 'Only a volume driver failure ("Error while removing volume …") gives 500.',
  },
  {
    endpointId: 'SwarmInit',
    status: 400,
    reason:
      'daemon/cluster/cluster.go validation errors are untyped without a 400 keyword ("invalid ListenAddr …", "swarm spec must be named \\"default\\""): 500.',
  },
  {
    endpointId: 'SwarmJoin',
    status: 200,
    reason:
      'Joining needs a reachable swarm manager; the simulated host has none, so a join times out (500).',
  },
  {
    endpointId: 'SwarmJoin',
    status: 400,
    reason:
      'Join validation errors are untyped ("at least 1 RemoteAddr is required to join"): 500.',
  },
  {
    endpointId: 'SwarmUpdate',
    status: 400,
    reason: 'updateCluster returns untyped errors ("Invalid swarm version …"): 500.',
  },
  {
    endpointId: 'NodeDelete',
    status: 200,
    reason:
      'The only node is this manager; removing it needs another (worker) node, which a single simulated host cannot have.',
  },
  {
    endpointId: 'NodeInspect',
    status: 500,
    reason:
      'With a single node there is no ambiguous node prefix; other failures need the raft store to fail.',
  },
  ...(
    [
      ['PluginList', [200, 500]],
      ['PluginPull', [200, 500]],
      // The doc lists only 200 and 404 for PluginInspect (data/endpoints-1.24.json).
      ['PluginInspect', [200]],
      ['PluginEnable', [200, 500]],
      ['PluginDisable', [200, 500]],
      ['PluginDelete', [200, 500]],
    ] as const
  ).flatMap(([endpointId, statuses]) =>
    statuses.map((status) => ({
      endpointId,
      status,
      reason:
        'Plugin routes exist only in experimental builds (api/server/router/plugin/plugin_regular.go has an empty initRoutes): a stable 1.12.6 daemon answers 404 "page not found" (scenario).',
    })),
  ),
]
