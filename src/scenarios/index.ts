import { archivePathScenarios } from './archive-paths.ts'
import { containerScenarios } from './containers.ts'
import { deepJsonScenarios } from './deep-json.ts'
import { execScenarios } from './exec.ts'
import { imageScenarios } from './images.ts'
import { networkScenarios } from './networks.ts'
import { pluginScenarios } from './plugins.ts'
import { routerScenarios } from './router.ts'
import { settingsScenarios } from './settings.ts'
import { swarmScenarios } from './swarm.ts'
import { systemScenarios } from './system.ts'
import type { Scenario } from './types.ts'
import { volumeScenarios } from './volumes.ts'

/**
 * Every status-code scenario, written once as data. `runScenario(s, send)` runs one through
 * any transport; `sendToDaemon(createDaemon())` is the in-process one.
 */
export const scenarios: readonly Scenario[] = [
  ...routerScenarios,
  ...systemScenarios,
  ...containerScenarios,
  ...settingsScenarios,
  ...archivePathScenarios,
  ...deepJsonScenarios,
  ...execScenarios,
  ...imageScenarios,
  ...volumeScenarios,
  ...networkScenarios,
  ...swarmScenarios,
  ...pluginScenarios,
]

export { deterministicDaemon } from './deterministic.ts'
export { missingVars, substitute } from './language.ts'
export { runRequest, runScenario } from './run.ts'
export { sendToDaemon } from './send-to-daemon.ts'
export type { Scenario, Send, SentResponse, WireRequest } from './types.ts'
export { unreachableStatuses } from './unreachable.ts'
