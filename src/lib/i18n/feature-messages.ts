/**
 * UI strings of the playground and the lessons, in both languages. They ship with those lazy
 * chunks, not with the first page (whose JS + CSS budget is 100 KB gzipped): the chunks import
 * this module, which registers the strings with the translator (registerFeatureMessages).
 */
import { registerFeatureMessages } from './index.tsx'

const en = {
  capturedFrom: '‹{field} from step {step}›',
  needsEarlierSteps:
    'This step uses a value that an earlier step creates. Earlier steps not yet run on this daemon: {count}.',
  earlierStepsNotRun: 'This step builds on earlier steps not yet run on this daemon: {count}.',
  runEarlierSteps: 'Run the earlier steps first ({count})',
  predictMode: 'Predict before running',
  predictQuestion: 'What status will Docker 1.12.6 answer?',
  predictRight: 'Your prediction {status} was right.',
  predictWrong:
    'You predicted {status}; Docker 1.12.6 answers {expected}: the explanation above says why.',
  predictedBefore: 'Last time you predicted {status}.',
  printHandout: 'Print handout',
  answerKey: 'Answer key',
  answerStatus: 'Status',
  lessonProgress: '{done} of {count} steps run',
  lessonComplete: 'Lesson complete.',
  predictionScore: '{right} of {count} predictions right.',
  nextLesson: 'Next lesson: {title}',
  continueLesson: 'Continue',
  stepDone: 'run',
  startOverConfirm:
    'Start over? This resets the simulated Docker 1.12.6 daemon (the playground’s containers too) and this lesson’s progress.',
  traceCaption: 'The Docker API calls each kubelet sends, in order, with the line that sends them',
  traceStep: 'Call',
  traceKubelet: 'Kubernetes {release} kubelet',
  traceNotSent: 'not sent',
  stepSentBy: 'Sent by the kubelet of Kubernetes {releases}',
  stepSetup: 'Not a kubelet call: this step sets the stage or tries an error',
  copyAs: 'Copy as curl, docker, dockerode or Go',
  copyFormat: 'Format',
  copyGo: 'Go (Kubernetes 1.4 kubelet)',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'The browser refused the clipboard: select the text below instead.',
  copyBody: 'Copy the body',
  noDockerCommand: 'No docker CLI command sends exactly this request.',
  kubeletNeverCalls: 'The Kubernetes 1.4 kubelet never calls this endpoint.',
  idsInAnswer: 'Ids in this answer (click to use in the path):',
  useIdInPath: 'Use this id in the request path',
  useIdInPathNamed: 'Use {id} in the request path',
  presetNeedsContainer:
    'This example names a container, and the daemon has none yet: send the ContainerCreate example first (it makes “web”).',
  presetNeedsExec:
    'This example names an exec instance, and the daemon has none yet: send the ContainerExec example first.',
  resizeHeight: 'Height (h, rows)',
  resizeWidth: 'Width (w, columns)',
  resetConfirm:
    'Reset the simulated Docker {version} daemon? Its containers, exec instances and pulled images go; the history stays.',
  sendShortcut: 'Ctrl+Enter sends',
  historyExportJson: 'Export JSON',
  historyExportSh: 'Export .sh (curl)',
  historyImport: 'Import JSON',
  historyClear: 'Clear',
  historyImported: 'Requests imported: {count}.',
  historyImportFailed: 'Not a history file: {error}',
  historyImportEmpty:
    'Nothing imported: the file holds no request the playground can send again. Your history is unchanged.',
  historyReplaceConfirm:
    'Replace your saved history with this file? Saved now: {count}. In the file: {imported}.',
  sendAgain: 'Repeat',
  sendAgainNamed: 'Repeat {request}',
} as const

export type FeatureMessageKey = keyof typeof en

const zh: Record<FeatureMessageKey, string> = {
  capturedFrom: '‹第 {step} 步得到的 {field}›',
  needsEarlierSteps:
    '这一步要用到前面某一步创建的值（还有 {count} 个前面的步骤没有在这个守护进程上运行过）。',
  earlierStepsNotRun: '还有 {count} 个前面的步骤没有在这个守护进程上运行过：这一步以它们为基础。',
  runEarlierSteps: '先运行前面的 {count} 个步骤',
  predictMode: '运行前先预测',
  predictQuestion: 'Docker 1.12.6 会返回什么状态码？',
  predictRight: '你的预测 {status} 是对的。',
  predictWrong: '你预测的是 {status}；Docker 1.12.6 返回 {expected}：原因见上面的说明。',
  predictedBefore: '上次你预测的是 {status}。',
  printHandout: '打印讲义',
  answerKey: '答案',
  answerStatus: '状态码',
  lessonProgress: '已运行 {done}/{count} 步',
  lessonComplete: '本课已完成。',
  predictionScore: '预测正确 {right}/{count} 次。',
  nextLesson: '下一课：{title}',
  continueLesson: '继续',
  stepDone: '已运行',
  startOverConfirm:
    '要重新开始吗？这会重置模拟的 Docker 1.12.6 守护进程（包括演练场中的容器）以及本课的进度。',
  traceCaption: '每个版本的 kubelet 按顺序发出的 Docker API 调用，以及发出调用的源码行',
  traceStep: '调用',
  traceKubelet: 'Kubernetes {release} 的 kubelet',
  traceNotSent: '不发送',
  stepSentBy: '由 Kubernetes {releases} 的 kubelet 发出',
  stepSetup: '不是 kubelet 的调用：这一步用来准备环境或尝试一个错误',
  copyAs: '复制为 curl、docker、dockerode 或 Go',
  copyFormat: '格式',
  copyGo: 'Go（Kubernetes 1.4 kubelet）',
  copy: '复制',
  copied: '已复制。',
  copyFailed: '浏览器拒绝访问剪贴板：请手动选择下面的文本。',
  copyBody: '复制响应体',
  noDockerCommand: '没有哪个 docker CLI 命令恰好发送这个请求。',
  kubeletNeverCalls: 'Kubernetes 1.4 的 kubelet 从不调用这个接口。',
  idsInAnswer: '此应答中的 id（点击即可用到路径中）：',
  useIdInPath: '在请求路径中使用这个 id',
  useIdInPathNamed: '在请求路径中使用 {id}',
  presetNeedsContainer:
    '这个示例需要一个容器，而守护进程中还没有：请先发送 ContainerCreate 示例（它会创建 “web”）。',
  presetNeedsExec: '这个示例需要一个 exec 实例，而守护进程中还没有：请先发送 ContainerExec 示例。',
  resizeHeight: '高度（h，行数）',
  resizeWidth: '宽度（w，列数）',
  resetConfirm:
    '要重置模拟的 Docker {version} 守护进程吗？其中的容器、exec 实例和拉取的镜像都会消失；历史记录会保留。',
  sendShortcut: 'Ctrl+Enter 发送',
  historyExportJson: '导出 JSON',
  historyExportSh: '导出 .sh（curl）',
  historyImport: '导入 JSON',
  historyClear: '清空',
  historyImported: '已导入 {count} 个请求。',
  historyImportFailed: '不是历史记录文件：{error}',
  historyImportEmpty: '没有导入任何内容：文件里没有可以再次发送的请求。你的历史记录没有改变。',
  historyReplaceConfirm: '用这个文件里的 {imported} 个请求替换历史记录中的 {count} 个请求吗？',
  sendAgain: '重发',
  sendAgainNamed: '重发 {request}',
}

registerFeatureMessages({ en, zh })
