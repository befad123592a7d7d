/**
 * The route table of a Docker 1.12.6 daemon, as data: Docker's operationIds (from the v1.25
 * swagger, the oldest one), method, path and the API version that introduced the route.
 *
 * Order matters where patterns overlap, as in gorilla/mux: literal paths come before
 * `{name:.*}` ones, as moby registers them.
 * @see moby api/server/router/{container,image,system,volume,network,swarm,build,plugin}/*.go at v1.12.6
 */

export type EndpointGroup =
  | 'containers'
  | 'images'
  | 'exec'
  | 'misc'
  | 'volumes'
  | 'networks'
  | 'plugins'
  | 'nodes'
  | 'swarm'
  | 'services'
  | 'tasks'

export interface RouteInfo {
  /** Docker operationId (ContainerList, ExecResize …); 'ContainerCopy' for the pre-1.24 copy route. */
  readonly id: string
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD'
  /** Path with {placeholders}, as in data/endpoints-1.24.json. */
  readonly path: string
  readonly group: EndpointGroup
  /** First API version whose daemon registered the route ('1.12' = older than anything we model). */
  readonly sinceApi: string
  /** Documented in the v1.24 reference (the 78 endpoints). */
  readonly documented: boolean
  /**
   * Registered by the non-experimental 1.12.6 build. The plugin routes exist only with the
   * `experimental` build tag (api/server/router/plugin/plugin_regular.go: `initRoutes() {}`),
   * so the official daemon answered them with 404 "page not found".
   */
  readonly registered: boolean
}

const r = (
  id: string,
  method: RouteInfo['method'],
  path: string,
  group: EndpointGroup,
  sinceApi = '1.12',
  extra: Partial<Pick<RouteInfo, 'documented' | 'registered'>> = {},
): RouteInfo => ({
  id,
  method,
  path,
  group,
  sinceApi,
  documented: extra.documented ?? true,
  registered: extra.registered ?? true,
})

export const routes: readonly RouteInfo[] = [
  // containers (api/server/router/container/container.go)
  r('ContainerArchiveHead', 'HEAD', '/containers/{id}/archive', 'containers', '1.20'),
  r('ContainerList', 'GET', '/containers/json', 'containers'),
  r('ContainerExport', 'GET', '/containers/{id}/export', 'containers'),
  r('ContainerChanges', 'GET', '/containers/{id}/changes', 'containers'),
  r('ContainerInspect', 'GET', '/containers/{id}/json', 'containers'),
  r('ContainerTop', 'GET', '/containers/{id}/top', 'containers'),
  r('ContainerLogs', 'GET', '/containers/{id}/logs', 'containers'),
  r('ContainerStats', 'GET', '/containers/{id}/stats', 'containers'),
  r('ContainerAttachWebsocket', 'GET', '/containers/{id}/attach/ws', 'containers'),
  r('ExecInspect', 'GET', '/exec/{id}/json', 'exec'),
  r('ContainerGetArchive', 'GET', '/containers/{id}/archive', 'containers', '1.20'),
  r('ContainerCreate', 'POST', '/containers/create', 'containers'),
  r('ContainerKill', 'POST', '/containers/{id}/kill', 'containers'),
  r('ContainerPause', 'POST', '/containers/{id}/pause', 'containers'),
  r('ContainerUnpause', 'POST', '/containers/{id}/unpause', 'containers'),
  r('ContainerRestart', 'POST', '/containers/{id}/restart', 'containers'),
  r('ContainerStart', 'POST', '/containers/{id}/start', 'containers'),
  r('ContainerStop', 'POST', '/containers/{id}/stop', 'containers'),
  r('ContainerWait', 'POST', '/containers/{id}/wait', 'containers'),
  r('ContainerResize', 'POST', '/containers/{id}/resize', 'containers'),
  r('ContainerAttach', 'POST', '/containers/{id}/attach', 'containers'),
  r('ContainerCopy', 'POST', '/containers/{id}/copy', 'containers', '1.12', { documented: false }),
  r('ContainerExec', 'POST', '/containers/{id}/exec', 'exec'),
  r('ExecStart', 'POST', '/exec/{id}/start', 'exec'),
  r('ExecResize', 'POST', '/exec/{id}/resize', 'exec'),
  r('ContainerRename', 'POST', '/containers/{id}/rename', 'containers'),
  r('ContainerUpdate', 'POST', '/containers/{id}/update', 'containers', '1.22'),
  r('ContainerPutArchive', 'PUT', '/containers/{id}/archive', 'containers', '1.20'),
  r('ContainerDelete', 'DELETE', '/containers/{id}', 'containers'),
  // images (api/server/router/image/image.go)
  r('ImageList', 'GET', '/images/json', 'images'),
  r('ImageSearch', 'GET', '/images/search', 'images'),
  r('ImageGetAll', 'GET', '/images/get', 'images'),
  r('ImageGet', 'GET', '/images/{name}/get', 'images'),
  r('ImageHistory', 'GET', '/images/{name}/history', 'images'),
  r('ImageInspect', 'GET', '/images/{name}/json', 'images'),
  r('ImageCommit', 'POST', '/commit', 'misc'),
  r('ImageLoad', 'POST', '/images/load', 'images'),
  r('ImageCreate', 'POST', '/images/create', 'images'),
  r('ImagePush', 'POST', '/images/{name}/push', 'images'),
  r('ImageTag', 'POST', '/images/{name}/tag', 'images'),
  r('ImageDelete', 'DELETE', '/images/{name}', 'images'),
  // system (api/server/router/system/system.go)
  r('SystemPing', 'GET', '/_ping', 'misc'),
  r('SystemEvents', 'GET', '/events', 'misc'),
  r('SystemInfo', 'GET', '/info', 'misc'),
  r('SystemVersion', 'GET', '/version', 'misc'),
  r('SystemAuth', 'POST', '/auth', 'misc'),
  // volumes (api/server/router/volume/volume.go)
  r('VolumeList', 'GET', '/volumes', 'volumes', '1.21'),
  r('VolumeInspect', 'GET', '/volumes/{name}', 'volumes', '1.21'),
  r('VolumeCreate', 'POST', '/volumes/create', 'volumes', '1.21'),
  r('VolumeDelete', 'DELETE', '/volumes/{name}', 'volumes', '1.21'),
  // build (api/server/router/build/build.go)
  r('ImageBuild', 'POST', '/build', 'images'),
  // swarm mode (api/server/router/swarm/cluster.go), new in 1.12
  r('SwarmInspect', 'GET', '/swarm', 'swarm', '1.24'),
  r('NodeList', 'GET', '/nodes', 'nodes', '1.24'),
  r('NodeInspect', 'GET', '/nodes/{id}', 'nodes', '1.24'),
  r('ServiceList', 'GET', '/services', 'services', '1.24'),
  r('ServiceInspect', 'GET', '/services/{id}', 'services', '1.24'),
  r('TaskList', 'GET', '/tasks', 'tasks', '1.24'),
  r('TaskInspect', 'GET', '/tasks/{id}', 'tasks', '1.24'),
  r('SwarmInit', 'POST', '/swarm/init', 'swarm', '1.24'),
  r('SwarmJoin', 'POST', '/swarm/join', 'swarm', '1.24'),
  r('SwarmLeave', 'POST', '/swarm/leave', 'swarm', '1.24'),
  r('SwarmUpdate', 'POST', '/swarm/update', 'swarm', '1.24'),
  r('ServiceCreate', 'POST', '/services/create', 'services', '1.24'),
  r('ServiceUpdate', 'POST', '/services/{id}/update', 'services', '1.24'),
  r('NodeUpdate', 'POST', '/nodes/{id}/update', 'nodes', '1.24'),
  r('ServiceDelete', 'DELETE', '/services/{id}', 'services', '1.24'),
  r('NodeDelete', 'DELETE', '/nodes/{id}', 'nodes', '1.24'),
  // networks (api/server/router/network/network.go)
  r('NetworkList', 'GET', '/networks', 'networks', '1.21'),
  r('NetworkInspect', 'GET', '/networks/{id}', 'networks', '1.21'),
  r('NetworkCreate', 'POST', '/networks/create', 'networks', '1.21'),
  r('NetworkConnect', 'POST', '/networks/{id}/connect', 'networks', '1.21'),
  r('NetworkDisconnect', 'POST', '/networks/{id}/disconnect', 'networks', '1.21'),
  r('NetworkDelete', 'DELETE', '/networks/{id}', 'networks', '1.21'),
  // plugins: experimental build only (api/server/router/plugin/plugin_experimental.go)
  r('PluginList', 'GET', '/plugins', 'plugins', '1.24', { registered: false }),
  r('PluginInspect', 'GET', '/plugins/{name}', 'plugins', '1.24', { registered: false }),
  r('PluginDelete', 'DELETE', '/plugins/{name}', 'plugins', '1.24', { registered: false }),
  r('PluginEnable', 'POST', '/plugins/{name}/enable', 'plugins', '1.24', { registered: false }),
  r('PluginDisable', 'POST', '/plugins/{name}/disable', 'plugins', '1.24', { registered: false }),
  r('PluginPull', 'POST', '/plugins/pull', 'plugins', '1.24', { registered: false }),
]

export interface CompiledRoute {
  readonly info: RouteInfo
  readonly regex: RegExp
  /** Names of the path variables, in order. */
  readonly vars: readonly string[]
  /** The literal text before the first variable and after the last (the whole path if none). */
  readonly prefix: string
  readonly suffix: string
}

/** `{name}` becomes `(.*)`: moby declares every variable as `{name:.*}`, greedy, slashes allowed. */
export function compileRoute(info: RouteInfo): CompiledRoute {
  const vars: string[] = []
  const source = info.path
    .split(/(\{[a-z]+\})/)
    .map((part) => {
      const m = /^\{([a-z]+)\}$/.exec(part)
      if (m?.[1] !== undefined) {
        vars.push(m[1])
        return '(.*)'
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
  const first = info.path.indexOf('{')
  const prefix = first < 0 ? info.path : info.path.slice(0, first)
  const suffix = first < 0 ? '' : info.path.slice(info.path.lastIndexOf('}') + 1)
  return { info, regex: new RegExp(`^${source}$`, 's'), vars, prefix, suffix }
}

/** Routes a daemon of the given API version registers (non-experimental build). */
export function registeredRoutes(apiVersion: string, compare: (a: string, b: string) => number) {
  return routes
    .filter((x) => x.registered && compare(x.sinceApi, apiVersion) <= 0)
    .map(compileRoute)
}
