import { err } from './helpers.ts'
import type { Scenario } from './types.ts'

/**
 * Plugins (experimental in 1.12: not registered).
 * @see moby api/server/router/plugin at v1.12.6
 */

export const pluginScenarios: Scenario[] = [
  ['PluginList', 'GET', '/plugins'],
  ['PluginPull', 'POST', '/plugins/pull?name=tiborvass/no-remove'],
  ['PluginInspect', 'GET', '/plugins/tiborvass/no-remove'],
  ['PluginEnable', 'POST', '/plugins/tiborvass/no-remove/enable'],
  ['PluginDisable', 'POST', '/plugins/tiborvass/no-remove/disable'],
  ['PluginDelete', 'DELETE', '/plugins/tiborvass/no-remove'],
].map(([endpointId = '', method = '', path = '']) => ({
  name: `${endpointId}: not registered in the non-experimental 1.12.6 build`,
  endpointId,
  setup: [],
  request: { method, path },
  expect: { status: 404, body: err('page not found'), headers: { server: null } },
  source: 'api/server/router/plugin/plugin_regular.go (// +build !experimental): initRoutes() {}',
}))
