import { containerScenarios } from './containers'
import { execScenarios } from './exec'
import { imageScenarios } from './images'
import {
  networkScenarios,
  pluginScenarios,
  routerScenarios,
  swarmScenarios,
  systemScenarios,
  volumeScenarios,
} from './misc'
import { settingsScenarios } from './settings'
import type { Scenario } from './types'

/**
 * Every status-code scenario, written once as data. `runScenario(s, send)` runs one through
 * any transport; `sendToDaemon(createDaemon())` is the in-process one.
 */
export const scenarios: readonly Scenario[] = [
  ...routerScenarios,
  ...systemScenarios,
  ...containerScenarios,
  ...settingsScenarios,
  ...execScenarios,
  ...imageScenarios,
  ...volumeScenarios,
  ...networkScenarios,
  ...swarmScenarios,
  ...pluginScenarios,
]

export { deterministicDaemon } from './deterministic'
export { runScenario, sendToDaemon } from './run'
export type { Scenario, Send, SentResponse } from './types'
export { unreachableStatuses } from './unreachable'
