import { at, DM, EXEC, type SiteSpec } from './common.ts'

/** exec, attach, logs and port-forward. */
export const STREAMS_SITES = {
  inspectExecTarget: {
    method: 'InspectContainer',
    purpose: {
      en: 'ExecInContainer: inspect the container (is it running?) before the exec.',
      zh: 'ExecInContainer:exec 之前先 inspect 容器(是否在运行?)。',
    },
    line: [
      at(DM, 1068, 'DockerManager.ExecInContainer'),
      at(DM, 1223, 'DockerManager.ExecInContainer'),
    ],
  },
  createExec: {
    method: 'CreateExec',
    purpose: {
      en: 'Create the exec instance; AttachStderr only when there is a stderr stream (never with a TTY).',
      zh: '创建 exec 实例;只有存在 stderr 流时才 AttachStderr(有 TTY 时没有)。',
    },
    line: [
      at(EXEC, 109, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 120, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  startExec: {
    method: 'StartExec',
    purpose: {
      en: 'Start it on a hijacked connection (ContainerExecAttach): stdin, stdout (and stderr) flow until the process ends.',
      zh: '在劫持的连接上启动(ContainerExecAttach):stdin、stdout(和 stderr)一直流到进程结束。',
    },
    line: [
      at(EXEC, 120, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 138, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  resizeExec: {
    method: 'ResizeExecTTY',
    purpose: {
      en: 'HandleResizing: each size from kubectl’s resize stream becomes an exec resize (1.4 only).',
      zh: 'HandleResizing:kubectl resize 流里的每个尺寸都变成一次 exec resize(仅 1.4)。',
    },
    line: [null, at(EXEC, 128, 'NativeExecHandler.ExecInContainer')],
  },
  inspectExec: {
    method: 'InspectExec',
    purpose: {
      en: 'After the stream ends: the exit code (polled every 2 s, at most 5 times, while still running).',
      zh: '流结束后:取退出码(若仍在运行,每 2 秒轮询,最多 5 次)。',
    },
    line: [
      at(EXEC, 128, 'NativeExecHandler.ExecInContainer'),
      at(EXEC, 147, 'NativeExecHandler.ExecInContainer'),
    ],
  },
  attach: {
    method: 'AttachToContainer',
    purpose: {
      en: 'Attach on a hijacked connection; no inspect before or after, and no stderr with a TTY.',
      zh: '在劫持的连接上 attach;前后都不 inspect,有 TTY 时没有 stderr。',
    },
    line: [at(DM, 1093, 'DockerManager.AttachContainer'), at(DM, 1260, 'AttachContainer')],
  },
  resizeContainer: {
    method: 'ResizeContainerTTY',
    purpose: {
      en: 'HandleResizing: each size from kubectl’s resize stream becomes a container resize (1.4 only).',
      zh: 'HandleResizing:kubectl resize 流里的每个尺寸都变成一次容器 resize(仅 1.4)。',
    },
    line: [null, at(DM, 1244, 'AttachContainer')],
  },
  logs: {
    method: 'Logs',
    purpose: {
      en: 'kubectl logs: the container id comes from the pod status cache, so this is the only call.',
      zh: 'kubectl logs:容器 id 来自 Pod 状态缓存,所以只有这一个调用。',
    },
    line: [at(DM, 312, 'DockerManager.GetContainerLogs'), at(DM, 321, 'GetContainerLogs')],
  },
  inspectPortForward: {
    method: 'InspectContainer',
    purpose: {
      en: 'Port-forward: the infra container’s PID; nsenter and socat do the rest on the host, without Docker.',
      zh: '端口转发:取 infra 容器的 PID;其余由主机上的 nsenter 和 socat 完成,不经过 Docker。',
    },
    line: [at(DM, 1113, 'DockerManager.PortForward'), at(DM, 1280, 'DockerManager.PortForward')],
  },
} satisfies Record<string, SiteSpec>
