/**
 * The pods the modelled kubelet runs: the few fields of api.Pod / api.Container that change
 * what it sends to Docker, and the names and labels it gives their containers.
 */
export interface ContainerSpec {
  name: string
  image: string
  /** api.Container.Command (the Docker entrypoint), absent = the image's. */
  command?: string[]
  /** api.PullAlways / IfNotPresent; the kubelet's default is IfNotPresent unless the tag is :latest or absent. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  stdin?: boolean
  stdinOnce?: boolean
  tty?: boolean
  /** An exec liveness probe (the prober runs it through ExecInContainer). */
  livenessExec?: string[]
  runAsNonRoot?: boolean
}

export interface PodSpec {
  uid: string
  name: string
  namespace: string
  containers: ContainerSpec[]
  restartPolicy: 'Always' | 'OnFailure' | 'Never'
  /** terminationGracePeriodSeconds; the API server defaults it to 30. */
  terminationGracePeriodSeconds: number
}

/** pkg/kubelet/dockertools/docker.go containerNamePrefix, and the infra container's name. */
export const NAME_PREFIX = 'k8s'
export const POD_INFRA_CONTAINER_NAME = 'POD'

/**
 * --pod-infra-container-image default in both releases
 * (pkg/apis/componentconfig/v1alpha1/defaults.go at v1.3.0 and v1.4.0).
 */
export const PAUSE_IMAGE = 'gcr.io/google_containers/pause-amd64:3.0'

/** The infra container's spec (docker_manager.go createPodInfraContainer): pulled IfNotPresent. */
export const infraContainer: ContainerSpec = {
  name: POD_INFRA_CONTAINER_NAME,
  image: PAUSE_IMAGE,
  imagePullPolicy: 'IfNotPresent',
}

/** api/v1 defaults: Always for :latest or no tag, IfNotPresent otherwise. */
export function pullPolicyOf(container: ContainerSpec): 'Always' | 'IfNotPresent' | 'Never' {
  if (container.imagePullPolicy) return container.imagePullPolicy
  const slash = container.image.lastIndexOf('/')
  const colon = container.image.lastIndexOf(':')
  const tag = colon > slash ? container.image.slice(colon + 1) : ''
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

/**
 * A stand-in for kubecontainer.HashContainer (adler32 of the spec's dump): a stable 32-bit hash
 * of the spec, so a changed spec gives a changed name, as with the real hash.
 */
export function hashContainer(container: ContainerSpec): string {
  const text = JSON.stringify(container)
  let a = 1
  let b = 0
  for (let i = 0; i < text.length; i++) {
    a = (a + text.charCodeAt(i)) % 65521
    b = (b + a) % 65521
  }
  return (((b << 16) | a) >>> 0).toString(16)
}

/** docker.go BuildDockerName: k8s_<container>.<hash>_<pod>_<namespace>_<uid>_<random>. */
export function dockerName(pod: PodSpec, container: ContainerSpec, random: number): string {
  const suffix = (random >>> 0).toString(16).padStart(8, '0')
  return `${NAME_PREFIX}_${container.name}.${hashContainer(container)}_${pod.name}_${pod.namespace}_${pod.uid}_${suffix}`
}

export interface ParsedName {
  containerName: string
  hash: string
  podName: string
  podNamespace: string
  podUid: string
}

/** docker.go ParseDockerName: at least six `_` fields, the first `k8s`. */
export function parseDockerName(name: string): ParsedName | null {
  const parts = name.replace(/^\//, '').split('_')
  if (parts[0] !== NAME_PREFIX || parts.length < 6) return null
  const [containerName = '', hash = ''] = (parts[1] ?? '').split('.')
  return {
    containerName,
    hash,
    podName: parts[2] ?? '',
    podNamespace: parts[3] ?? '',
    podUid: parts[4] ?? '',
  }
}

/** labels.go newLabels (1.4 adds the ports label; the model's containers have no ports). */
export function labelsOf(
  pod: PodSpec,
  container: ContainerSpec,
  restartCount: number,
): Record<string, string> {
  return {
    'io.kubernetes.pod.name': pod.name,
    'io.kubernetes.pod.namespace': pod.namespace,
    'io.kubernetes.pod.uid': pod.uid,
    'io.kubernetes.pod.terminationGracePeriod': String(pod.terminationGracePeriodSeconds),
    'io.kubernetes.container.name': container.name,
    'io.kubernetes.container.hash': hashContainer(container),
    'io.kubernetes.container.restartCount': String(restartCount),
    'io.kubernetes.container.terminationMessagePath':
      container.name === POD_INFRA_CONTAINER_NAME ? '' : '/dev/termination-log',
  }
}

/**
 * The body of POST /containers/create as runContainer builds it, trimmed to what the
 * simulated daemon and a reader care about: the image, the command, stdin/TTY, the labels,
 * and the namespaces the app containers share with the infra container
 * (NetworkMode/IpcMode `container:<infra id>`).
 */
export function createBody(
  pod: PodSpec,
  container: ContainerSpec,
  restartCount: number,
  infraId: string | null,
): Record<string, unknown> {
  const shared = infraId ? `container:${infraId}` : ''
  return {
    Hostname: infraId ? '' : pod.name,
    Env: [],
    Cmd: null,
    Image: container.image,
    Entrypoint: container.command ?? null,
    OpenStdin: container.stdin ?? false,
    StdinOnce: container.stdinOnce ?? false,
    Tty: container.tty ?? false,
    Labels: labelsOf(pod, container, restartCount),
    HostConfig: {
      Binds: null,
      NetworkMode: shared,
      IpcMode: shared,
      UTSMode: '',
      PidMode: '',
      ReadonlyRootfs: false,
      CpuShares: 2,
      OomScoreAdj: container.name === POD_INFRA_CONTAINER_NAME ? -998 : 1000,
      SecurityOpt: ['seccomp=unconfined'],
      CpuQuota: 0,
      CpuPeriod: 0,
    },
  }
}

/** A pod named `name`; `salt` (4 hex digits) keeps the UIDs of one kubelet instance apart from another's. */
export function podNamed(
  name: string,
  containers: ContainerSpec[],
  index = 0,
  salt = '9f33',
  restartPolicy: PodSpec['restartPolicy'] = 'Always',
): PodSpec {
  const hex = (index + 1).toString(16).padStart(12, '0')
  return {
    uid: `5a1c0de0-9c1f-11e6-${salt}-${hex}`,
    name,
    namespace: 'default',
    containers,
    restartPolicy,
    terminationGracePeriodSeconds: 30,
  }
}
