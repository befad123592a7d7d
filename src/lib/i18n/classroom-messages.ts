/**
 * Registers the classroom tools' strings (classroom-messages-data.ts) with the translator; the
 * playground's chunk and the embeds import this module, so they stay off the first page.
 */
import { CLASSROOM_MESSAGES } from './classroom-messages-data.ts'
import { registerFeatureMessages } from './index.tsx'

registerFeatureMessages(CLASSROOM_MESSAGES)
