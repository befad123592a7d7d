/**
 * The 500 messages a real Docker 1.12.6 daemon gave for container and exec calls, as regexes.
 * Each is an untyped Go error whose text has none of the status keywords, so
 * `GetHTTPErrorStatusCode` fell through to 500.
 * @see /work/shared/reference/docker-1.12-behaviour.md (sections 1, 4 and the corrections)
 */
const HEX = '[0-9a-f]{64}'
export const ALLOWED_500: readonly RegExp[] = [
  new RegExp(`^Container ${HEX} is not running$`),
  // An exec that finished before its container stopped: `getExecConfig` names the state.
  new RegExp(`^Container ${HEX} is not running: (Exited|Created|Dead).*$`),
  new RegExp(`^Cannot kill container .+: Container ${HEX} is not running$`),
  new RegExp(
    `^Cannot kill container .+: Container ${HEX} is paused\\. Unpause the container before stopping$`,
  ),
  /^The linux daemon does not support signal \d+$/,
  new RegExp(`^Container ${HEX} is already paused$`),
  new RegExp(`^Container ${HEX} is not paused$`),
  /^Cannot start a paused container, try unpause instead\.$/,
  new RegExp(
    `^Cannot stop container .+: Container ${HEX} is paused\\. Unpause the container before stopping$`,
  ),
  /^Cannot restart container .+: .+$/,
  new RegExp(`^Could not kill running container ${HEX}, cannot remove - .+$`),
  /^strconv\.ParseInt: parsing ".*": (invalid syntax|value out of range)$/,
  /^No exec command specified$/,
  new RegExp(`^Error: Exec command ${HEX} is already running$`),
  /^Invalid container name \(.*\), only \[a-zA-Z0-9\]\[a-zA-Z0-9_.-\] are allowed$/,
  /^Error when allocating new name: Invalid container name \(.*\), only \[a-zA-Z0-9\]\[a-zA-Z0-9_.-\] are allowed$/,
  /^Neither old nor new names may be empty$/,
  /^Renaming a container with the same name as its current name$/,
  /^Error parsing reference: ".*" is not a valid repository\/tag$/,
  /^Content-Type specified \(.*\) must be 'application\/json'$/,
  /^(unexpected EOF|EOF)$/,
  /^invalid character .+$/,
  /^json: cannot unmarshal .+$/,
  /^Config cannot be empty in order to create a container$/,
  // truncindex's ErrAmbiguousPrefix names the trie key it tripped on (a full id), not the
  // prefix asked for; kill wraps it like every other kill error.
  /^(Cannot kill container .+: )?Multiple IDs found with provided prefix: .+$/,
  /^Invalid signal: .+$/,
  /^Cannot kill container .+: Invalid signal: .+$/,
]
