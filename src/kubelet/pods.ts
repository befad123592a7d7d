import { type ContainerSpec, type PodSpec, podNamed } from './pod.ts'

/** The pods the operations run. Images the simulated daemon's registry serves. */
export const WEB_CONTAINER: ContainerSpec = { name: 'nginx', image: 'nginx' }

/** kubectl run web --image=nginx: one app container beside the pause container. */
export const webPod = (index = 0, salt?: string): PodSpec =>
  podNamed(index === 0 ? 'web' : `web-${index}`, [WEB_CONTAINER], index, salt)

/** kubectl run -it shell --image=busybox -- sh: stdin and a TTY, for attach. */
export const shellPod = (salt?: string): PodSpec =>
  podNamed(
    'shell',
    [
      {
        name: 'shell',
        image: 'busybox',
        command: ['sh'],
        stdin: true,
        stdinOnce: true,
        tty: true,
      },
    ],
    1000,
    salt,
  )

/** A container that fails at once, under restartPolicy Always. */
export const crashPod = (salt?: string): PodSpec =>
  podNamed(
    'crash',
    [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo starting; exit 1'] }],
    1001,
    salt,
  )

/**
 * The classic liveness example: an exec probe `cat /tmp/healthy` that fails. The app is nginx,
 * which exits on the SIGTERM of the kubelet's stop (a busybox `sh` as PID 1 ignores it, and
 * Docker would wait out the 30 s grace period before the SIGKILL).
 */
export const livenessPod = (salt?: string): PodSpec =>
  podNamed(
    'liveness',
    [{ name: 'app', image: 'nginx', livenessExec: ['cat', '/tmp/healthy'] }],
    1002,
    salt,
  )
