import { noSpaceLeft, storedSize, tempSuffix } from '../../engine/disk.ts'
import type { Engine } from '../../engine.ts'
import { badRequest, notFound, untyped } from '../../errors.ts'
import { parseReference, withDefaultTag } from '../../model/reference.ts'
import type { ContainerRecord, JsonObject, JsonValue } from '../../model/state.ts'
import { parseSignal } from '../../signals.ts'
import { ZERO_TIME } from '../../wire/clock.ts'
import { goQuote } from '../../wire/filters.ts'
import { bodyJSON, checkForJSON, type Handler, isObject, versionGTE } from '../context.ts'
import { defaultHostConfig, withZeroValues } from '../create-config/defaults.ts'
import { CONFIG_FIELDS } from '../create-config/fields.ts'
import { str, strs } from '../create-config/read.ts'
import { validateDecoded } from '../create-config/validate.ts'
import { parseCreateBody } from '../create-config/wrapper.ts'
import { withoutLaterCreateFields } from '../field-versions.ts'
import { json } from '../http.ts'
import { adaptSettings, verifySettings } from '../verify-settings.ts'
import { setupMounts, validateBind } from './mounts.ts'

/**
 * POST /containers/create: the body is decoded and verified, the image's config merged in,
 * then the record is made with its mounts.
 * @see moby daemon/create.go, daemon/daemon.go at v1.12.6
 */

function mergeImageConfig(config: JsonObject, image: JsonObject): void {
  // daemon.merge (daemon/daemon.go): user values win; Cmd comes from the image only when the
  // user gave neither Cmd nor Entrypoint.
  const has = (k: string) => Array.isArray(config[k]) && (config[k] as JsonValue[]).length > 0
  if (!has('Entrypoint')) {
    if (!has('Cmd')) config.Cmd = image.Cmd ?? null
    if (config.Entrypoint === undefined || config.Entrypoint === null)
      config.Entrypoint = image.Entrypoint ?? null
  }
  const userEnv = strs(config, 'Env')
  const keys = new Set(userEnv.map((kv) => kv.split('=')[0]))
  config.Env = [...strs(image, 'Env').filter((kv) => !keys.has(kv.split('=')[0])), ...userEnv]
  if (str(config, 'User') === '') config.User = image.User ?? ''
  if (str(config, 'WorkingDir') === '') config.WorkingDir = image.WorkingDir ?? ''
  if (isObject(image.ExposedPorts)) {
    config.ExposedPorts = {
      ...image.ExposedPorts,
      ...(isObject(config.ExposedPorts) ? config.ExposedPorts : {}),
    }
  }
  if (isObject(image.Volumes)) {
    config.Volumes = { ...image.Volumes, ...(isObject(config.Volumes) ? config.Volumes : {}) }
  }
  if (isObject(image.Labels)) {
    config.Labels = { ...image.Labels, ...(isObject(config.Labels) ? config.Labels : {}) }
  }
  if (str(config, 'StopSignal') === '' && typeof image.StopSignal === 'string')
    config.StopSignal = image.StopSignal
}

/** Normalises the stored Config to the inspect shape, in Go field order. */
function normaliseConfig(config: JsonObject, id: string): JsonObject {
  const defaults: JsonObject = {
    Hostname: id.slice(0, 12),
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: {},
  }
  const out: JsonObject = {}
  for (const k of CONFIG_FIELDS) {
    const v = config[k]
    if (v !== undefined && !(k === 'Hostname' && v === '')) out[k] = v
    else if (defaults[k] !== undefined) out[k] = defaults[k] as JsonValue
    if (k === 'Labels' && (out.Labels === null || out.Labels === undefined)) out.Labels = {}
  }
  return out
}

const LOG_DRIVERS = [
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'awslogs',
  'splunk',
  'gcplogs',
  'none',
]

export const create: Handler = (ctx) => {
  const e = ctx.engine
  checkForJSON(ctx)
  const name = ctx.query.get('name') ?? ''
  // An older daemon's structs lack the fields later versions added: it never sees them.
  const body = parseCreateBody(withoutLaterCreateFields(bodyJSON(ctx), e.apiVersion))
  // runconfig DecodeContainerConfig validates bind specs while decoding (when both a Config and
  // a HostConfig were decoded), then the network mode, isolation and QoS.
  if (body.config !== null && body.hostConfig !== null)
    for (const bind of strs(body.hostConfig, 'Binds')) validateBind(bind)
  validateDecoded(body.config, body.hostConfig)
  if (body.config === null) throw untyped('Config cannot be empty in order to create a container')
  const config = body.config
  const decodedHc = body.hostConfig === null ? null : withZeroValues(body.hostConfig)
  const warnings = verifySettings(decodedHc, config, (s) => parseSignal(s))
  const endpoints = body.networkingConfig?.EndpointsConfig
  if (isObject(endpoints) && Object.keys(endpoints).length > 1) {
    throw badRequest(
      `Container cannot be connected to network endpoints: ${Object.keys(endpoints).join(', ')}`,
    )
  }
  const imageName = str(config, 'Image')
  let imageId = ''
  if (imageName !== '') {
    const img = lookupImageForCreate(e, imageName)
    imageId = img.id
    mergeImageConfig(config, img.config)
  }
  const cmd = strs(config, 'Cmd')
  const entrypoint = strs(config, 'Entrypoint')
  if (cmd.length === 0 && entrypoint.length === 0) throw untyped('No command specified')
  // mergeAndVerifyLogConfig: the logging drivers compiled into the Linux daemon (logdrivers_linux.go).
  const logConfig = body.hostConfig?.LogConfig
  const logDriver = isObject(logConfig) && typeof logConfig.Type === 'string' ? logConfig.Type : ''
  if (logDriver !== '' && !LOG_DRIVERS.includes(logDriver)) {
    throw untyped(`logger: no log driver named '${logDriver}' is registered`)
  }

  // Network mode and links must point at things that exist (daemon.create → setHostConfig).
  const hc = { ...defaultHostConfig(), ...(decodedHc ?? {}) }
  // containerCreate → adaptContainerSettings; below API 1.19 CPU shares are clamped.
  adaptSettings(hc, !versionGTE(ctx, '1.19'))
  // mergeAndVerifyLogConfig: an empty type is the daemon's default driver.
  if (isObject(hc.LogConfig)) {
    if (hc.LogConfig.Type === '') hc.LogConfig.Type = 'json-file'
    if (hc.LogConfig.Config === null) hc.LogConfig.Config = {}
  }
  if (hc.NetworkMode === '' || hc.NetworkMode === null) hc.NetworkMode = 'default'
  const mode = String(hc.NetworkMode)
  if (mode.startsWith('container:')) e.registry.getContainer(mode.slice('container:'.length))
  else if (
    !['default', 'bridge', 'host', 'none'].includes(mode) &&
    e.registry.findNetwork(mode) === undefined
  ) {
    throw notFound(`network ${mode} not found`)
  }
  for (const link of strs(hc, 'Links')) {
    const [target = ''] = link.split(':')
    try {
      e.registry.getContainer(target)
    } catch {
      throw untyped(`Could not get container for ${target}`)
    }
  }

  const id = e.registry.newId()
  const finalName = name === '' ? e.registry.generateName(id) : e.registry.reserveName(id, name)
  const path = entrypoint.length > 0 ? (entrypoint[0] ?? '') : (cmd[0] ?? '')
  const args = entrypoint.length > 0 ? [...entrypoint.slice(1), ...cmd] : cmd.slice(1)
  const now = e.clock.nowString()
  const netName = mode === 'default' ? 'bridge' : mode.startsWith('container:') ? '' : mode
  const net = netName === '' ? undefined : e.registry.findNetwork(netName)
  const c: ContainerRecord = {
    id,
    name: finalName,
    created: now,
    path,
    args,
    config: normaliseConfig(config, id),
    hostConfig: hc,
    image: imageId,
    state: {
      status: 'created',
      pid: 0,
      exitCode: 0,
      error: '',
      startedAt: ZERO_TIME,
      finishedAt: ZERO_TIME,
      oomKilled: false,
    },
    restartCount: 0,
    process: null,
    logs: [],
    execIds: [],
    networks:
      net === undefined
        ? []
        : [
            {
              name: net.name,
              networkId: net.id,
              endpointId: '',
              ipAddress: '',
              macAddress: '',
              gateway: '',
              ipPrefixLen: 0,
            },
          ],
    mounts: [],
    changes: [],
    files: [],
    sizeRw: 0,
  }
  // container.ToDisk writes config.v2.json through a temporary file: on a full disk that write
  // fails, the create answers its error (500) and nothing is registered (daemon/create.go).
  if (!e.disk.charge({ kind: 'container', id }, storedSize(c.config) + storedSize(hc))) {
    e.registry.releaseName(finalName)
    throw noSpaceLeft(
      'write',
      `${e.hostSetup.host.dataRoot}/containers/${id}/.tmp-config.v2.json${tempSuffix(id)}`,
    )
  }
  setupMounts(e, c)
  e.registry.addContainer(c)
  e.events.container(c, 'create')
  return json(201, { Id: id, Warnings: warnings })
}

/** `daemon.GetImage` + `imageNotExistToErrcode` (daemon/errors.go). */
function lookupImageForCreate(e: Engine, name: string) {
  const img = e.registry.findImage(name)
  if (img !== undefined) return img
  if (name.includes('@')) throw notFound(`No such image: ${name}`)
  if (/^sha256:/.test(name)) throw notFound(`No such image: ${name}`)
  const ref = parseReference(name)
  if (ref === null)
    throw untyped(`Error parsing reference: ${goQuote(name)} is not a valid repository/tag`)
  throw notFound(`No such image: ${withDefaultTag(ref)}`)
}
