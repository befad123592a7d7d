import { kubeletLines } from 'virtual:kubelet-facts'
import kubernetesFile from '../../../data/kubernetes.json'
import { compileRoute, routes } from '../../daemon/index.ts'
import type { KubernetesFile } from '../../domain/schemas/kubernetes.ts'
import { kubeletSourceUrl, shortSource } from '../../lib/kubelet-source.ts'
import type { PlaygroundState } from './playground-url.ts'

/**
 * A playground request as the commands and calls people paste elsewhere: curl over the Unix
 * socket or TCP (`npm run daemon` listens on 127.0.0.1:2375), the docker CLI command that sends
 * it where there is one, dockerode, and the Go call the Kubernetes 1.4 kubelet makes.
 */
export type CopyRequest = Pick<PlaygroundState, 'method' | 'path' | 'body' | 'contentType'>

/** POSIX shell single quotes: nothing inside is special, a quote is closed, escaped, reopened. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}

function hasBody(request: CopyRequest): boolean {
  return request.body !== '' && request.method !== 'GET' && request.method !== 'HEAD'
}

function curlArgs(request: CopyRequest): string[] {
  const args = ['curl', '-sS', '-i']
  // curl reads [] and {} in a URL as its own globbing (a NetworkList filter has both).
  if (/[[\]{}]/.test(request.path)) args.push('-g')
  if (request.method === 'HEAD') args.push('-I')
  else if (request.method !== 'GET') args.push('-X', request.method)
  if (hasBody(request)) {
    if (request.contentType) args.push('-H', shellQuote(`Content-Type: ${request.contentType}`))
    // --data-binary reads a file for a body that starts with @; --data-raw never does.
    args.push(
      request.body.startsWith('@') ? '--data-raw' : '--data-binary',
      shellQuote(request.body),
    )
  }
  return args
}

export function curlUnixSocket(request: CopyRequest, socket = '/var/run/docker.sock'): string {
  return [
    ...curlArgs(request),
    '--unix-socket',
    shellQuote(socket),
    shellQuote(`http://localhost${request.path}`),
  ].join(' ')
}

export function curlTcp(request: CopyRequest, origin = 'http://127.0.0.1:2375'): string {
  return [...curlArgs(request), shellQuote(`${origin}${request.path}`)].join(' ')
}

interface Matched {
  id: string
  params: Record<string, string>
  query: URLSearchParams
}

function decodePathVariable(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

// Compiled once: the playground matches its request on every render (copy menu, browser-only
// names), and building ~100 regular expressions each time showed up in a Send's profile.
const compiledRoutes = routes.map(compileRoute)

/** Which endpoint a path names, and its path variables (the version prefix is optional). */
export function matchEndpoint(request: CopyRequest): Matched | null {
  const [rawPath = '', rawQuery = ''] = request.path.split(/\?(.*)/s)
  const path = rawPath.replace(/^\/v\d+\.\d+(?=\/)/, '')
  for (const compiled of compiledRoutes) {
    const { info } = compiled
    if (info.method !== request.method) continue
    const m = compiled.regex.exec(path)
    if (!m) continue
    const params: Record<string, string> = {}
    for (const [i, name] of compiled.vars.entries()) {
      const value = decodePathVariable(m[i + 1] ?? '')
      // A stray % (typed mid-escape, or pasted) is no URL path: the daemon answers 400, and there
      // is no call to name.
      if (value === null) return null
      params[name] = value
    }
    return { id: info.id, params, query: new URLSearchParams(rawQuery) }
  }
  return null
}

function parseBody(request: CopyRequest): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(request.body)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const truthy = (q: URLSearchParams, name: string) => {
  const v = q.get(name)
  return v !== null && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}

/** The docker CLI command that sends this request, or null when no command maps to it. */
export function dockerCommand(request: CopyRequest): string | null {
  const m = matchEndpoint(request)
  if (!m) return null
  const id = shellQuote(m.params.id ?? m.params.name ?? '')
  const q = m.query
  const body = parseBody(request)
  switch (m.id) {
    case 'ContainerList':
      return truthy(q, 'all') ? 'docker ps -a --no-trunc' : 'docker ps --no-trunc'
    case 'ContainerCreate': {
      const args = ['docker', 'create']
      const name = q.get('name')
      if (name) args.push('--name', shellQuote(name))
      if (body.Tty === true) args.push('-t')
      if (body.OpenStdin === true) args.push('-i')
      args.push(shellQuote(String(body.Image ?? 'busybox')))
      if (Array.isArray(body.Cmd)) args.push(...body.Cmd.map((c) => shellQuote(String(c))))
      return args.join(' ')
    }
    case 'ContainerInspect':
      return `docker inspect ${id}`
    case 'ContainerStart':
      return `docker start ${id}`
    case 'ContainerStop':
      return q.get('t')
        ? `docker stop -t ${shellQuote(q.get('t') ?? '')} ${id}`
        : `docker stop ${id}`
    case 'ContainerRestart':
      return `docker restart ${id}`
    case 'ContainerKill':
      return q.get('signal')
        ? `docker kill -s ${shellQuote(q.get('signal') ?? '')} ${id}`
        : `docker kill ${id}`
    case 'ContainerDelete':
      return `docker rm${truthy(q, 'force') ? ' -f' : ''}${truthy(q, 'v') ? ' -v' : ''} ${id}`
    case 'ContainerLogs':
      return `docker logs${truthy(q, 'follow') ? ' -f' : ''}${q.get('tail') ? ` --tail ${shellQuote(q.get('tail') ?? '')}` : ''} ${id}`
    case 'ContainerTop':
      return `docker top ${id}`
    case 'ContainerChanges':
      return `docker diff ${id}`
    case 'ContainerPause':
      return `docker pause ${id}`
    case 'ContainerUnpause':
      return `docker unpause ${id}`
    case 'ContainerWait':
      return `docker wait ${id}`
    case 'ContainerRename':
      return `docker rename ${id} ${shellQuote(q.get('name') ?? '')}`
    case 'ContainerStats':
      return `docker stats${truthy(q, 'stream') || !q.has('stream') ? '' : ' --no-stream'} ${id}`
    case 'ContainerExport':
      return `docker export ${id}`
    case 'ContainerAttach':
      return `docker attach ${id}`
    case 'ContainerExec': {
      const args = ['docker', 'exec']
      if (body.AttachStdin === true) args.push('-i')
      if (body.Tty === true) args.push('-t')
      args.push(id)
      if (Array.isArray(body.Cmd)) args.push(...body.Cmd.map((c) => shellQuote(String(c))))
      return args.join(' ')
    }
    case 'ImageList':
      return truthy(q, 'all') ? 'docker images -a' : 'docker images'
    case 'ImageInspect':
      return `docker image inspect ${id}`
    case 'ImageHistory':
      return `docker history ${id}`
    case 'ImageCreate': {
      const image = q.get('fromImage') ?? ''
      const tag = q.get('tag')
      return `docker pull ${shellQuote(tag ? `${image}:${tag}` : image)}`
    }
    case 'ImageDelete':
      return `docker rmi${truthy(q, 'force') ? ' -f' : ''} ${id}`
    case 'ImageTag':
      return `docker tag ${id} ${shellQuote(`${q.get('repo') ?? ''}${q.get('tag') ? `:${q.get('tag')}` : ''}`)}`
    case 'SystemVersion':
      return 'docker version'
    case 'SystemInfo':
      return 'docker info'
    case 'SystemEvents':
      return 'docker events'
    case 'VolumeList':
      return 'docker volume ls'
    case 'VolumeInspect':
      return `docker volume inspect ${id}`
    case 'VolumeDelete':
      return `docker volume rm ${id}`
    case 'NetworkList':
      return 'docker network ls'
    case 'NetworkInspect':
      return `docker network inspect ${id}`
    case 'NetworkDelete':
      return `docker network rm ${id}`
    default:
      return null
  }
}

/** A dockerode call; modem.dial (dockerode's own generic request) where no method maps. */
export function dockerodeCall(request: CopyRequest): string {
  const m = matchEndpoint(request)
  const id = JSON.stringify(m?.params.id ?? m?.params.name ?? '')
  const opts = m ? Object.fromEntries(m.query) : {}
  const optsText = Object.keys(opts).length > 0 ? JSON.stringify(opts) : ''
  const body = hasBody(request) ? request.body : ''
  const head =
    "const Docker = require('dockerode')\nconst docker = new Docker({ socketPath: '/var/run/docker.sock' })\n"
  const simple: Record<string, string> = {
    ContainerList: `docker.listContainers(${optsText})`,
    ContainerCreate: `docker.createContainer(${JSON.stringify({ ...(body ? parseBody(request) : {}), ...(opts.name ? { name: opts.name } : {}) })})`,
    ContainerInspect: `docker.getContainer(${id}).inspect(${optsText})`,
    ContainerStart: `docker.getContainer(${id}).start()`,
    ContainerStop: `docker.getContainer(${id}).stop(${optsText})`,
    ContainerRestart: `docker.getContainer(${id}).restart(${optsText})`,
    ContainerKill: `docker.getContainer(${id}).kill(${optsText})`,
    ContainerDelete: `docker.getContainer(${id}).remove(${optsText})`,
    ContainerResize: `docker.getContainer(${id}).resize(${optsText})`,
    ContainerLogs: `docker.getContainer(${id}).logs(${optsText})`,
    ContainerTop: `docker.getContainer(${id}).top(${optsText})`,
    ContainerChanges: `docker.getContainer(${id}).changes()`,
    ContainerExec: `docker.getContainer(${id}).exec(${body || '{}'})`,
    ExecStart: `docker.getExec(${id}).start(${body || '{}'})`,
    ExecResize: `docker.getExec(${id}).resize(${optsText})`,
    ExecInspect: `docker.getExec(${id}).inspect()`,
    ImageList: `docker.listImages(${optsText})`,
    ImageInspect: `docker.getImage(${id}).inspect()`,
    ImageHistory: `docker.getImage(${id}).history()`,
    ImageDelete: `docker.getImage(${id}).remove(${optsText})`,
    SystemVersion: 'docker.version()',
    SystemInfo: 'docker.info()',
    SystemPing: 'docker.ping()',
  }
  const call = m ? simple[m.id] : undefined
  if (call) return `${head}\nconst answer = await ${call}`
  const [path = '', query = ''] = request.path.split(/\?(.*)/s)
  const options = {
    ...Object.fromEntries(new URLSearchParams(query)),
    ...(body ? parseBody(request) : {}),
  }
  return `${head}\n// No dockerode method for this endpoint: modem.dial sends any request.\ndocker.modem.dial(${JSON.stringify(
    {
      path: `${path}?`,
      method: request.method,
      options,
      statusCodes: { 200: true, 201: true, 204: true, 304: true },
    },
    null,
    2,
  )}, (err, data) => console.log(err ?? data))`
}

const kubernetes = kubernetesFile as KubernetesFile
const release14 = kubernetes.releases.find((r) => r.version === '1.4')

/** What the Kubernetes 1.4 kubelet calls for this endpoint, or null when it never does. */
export function kubeletCall(
  request: CopyRequest,
): { code: string; sourceUrl: string | undefined; sourceLabel: string | undefined } | null {
  const m = matchEndpoint(request)
  if (!m || !release14) return null
  const method = release14.methods.find((x) => x.endpointId === m.id)
  if (!method) return null
  // The line that sends the call, from the kubelet model (the same line the terminal, the
  // lessons and the kubelet view cite); an endpoint several places send lists them all.
  const lines = kubeletLines[m.id]?.['1.4'] ?? []
  const id = JSON.stringify(m.params.id ?? m.params.name ?? '')
  const h = m.query.get('h') ?? '0'
  const w = m.query.get('w') ?? '0'
  const args: Record<string, string> = {
    ResizeContainerTTY: `${id}, ${h}, ${w}`,
    ResizeExecTTY: `${id}, ${h}, ${w}`,
    StopContainer: `${id}, ${m.query.get('t') ?? '30'}`,
    InspectContainer: id,
    StartContainer: id,
    InspectExec: id,
    InspectImage: id,
    RemoveContainer: `${id}, dockertypes.ContainerRemoveOptions{RemoveVolumes: ${truthy(m.query, 'v')}, Force: ${truthy(m.query, 'force')}}`,
    Version: '',
    Info: '',
  }
  const code = [
    `// Kubernetes 1.4 kubelet: DockerInterface.${method.name}`,
    `// ${method.signature}`,
    `// → ${method.clientCall}`,
    ...(lines.length > 0
      ? [`// sent at ${lines.map((l) => `${shortSource(l)} (${l.func})`).join(', ')}`]
      : []),
    `${/\)\s*error$/.test(method.signature) ? 'err' : 'result, err'} := client.${method.name}(${args[method.name] ?? '…'})`,
  ].join('\n')
  const [first] = lines
  if (!first) return { code, sourceUrl: method.source?.url, sourceLabel: method.source?.label }
  return {
    code,
    sourceUrl: kubeletSourceUrl('1.4', first),
    sourceLabel: `kubernetes v1.4.0 ${first.file} ${first.func} (line ${first.line})`,
  }
}
