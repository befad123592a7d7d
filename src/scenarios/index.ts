import { archivePathScenarios } from './archive-paths.ts'
import { containerScenarios } from './containers.ts'
import { deepJsonScenarios } from './deep-json.ts'
import { execScenarios } from './exec.ts'
import { imageScenarios } from './images.ts'
import {
  networkScenarios,
  pluginScenarios,
  routerScenarios,
  swarmScenarios,
  systemScenarios,
  volumeScenarios,
} from './misc.ts'
import { settingsScenarios } from './settings.ts'
import type { Scenario } from './types.ts'

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
export { missingVars, runRequest, runScenario, sendToDaemon, substitute } from './run.ts'
export type { Scenario, Send, SentResponse, WireRequest } from './types.ts'
export { unreachableStatuses } from './unreachable.ts'
