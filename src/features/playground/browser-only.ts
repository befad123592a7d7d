import { kindOfId, listContainers, type SimulatedDaemon } from '../../daemon/index.ts'
import { type CopyRequest, matchEndpoint } from './copy-as.ts'

/**
 * The container or exec instance a request names when it lives in the browser's daemon, where a
 * copied command cannot reach it: `npm run daemon` (or dockerd) has its own state and answers
 * 404. Images are left out: every daemon starts with the same seeded ones.
 */
export function browserOnlyName(
  state: SimulatedDaemon['state'],
  request: CopyRequest,
): string | null {
  const matched = matchEndpoint(request)
  const name = matched?.params.id ?? matched?.params.name
  if (!matched || !name) return null
  if (matched.id.startsWith('Exec')) return kindOfId(state, name) === 'exec' ? name : null
  if (!matched.id.startsWith('Container')) return null
  const known = listContainers(state).some(
    (c) => c.name === name || (name.length >= 3 && c.id.startsWith(name)),
  )
  return known ? name : null
}
