/**
 * UI strings of the classroom tools (copied commands' target, the replay script, sharing a
 * daemon, pasting curl), in both languages. Like feature-messages.ts they ship with the
 * playground's chunk, not with the first page.
 */

const en = {
  copySocketPath: 'Socket',
  copyTcpAddress: 'Address',
  copyBrowserOnly:
    '“{id}” exists only in this browser’s daemon: npm run daemon answers 404 until it has one too. To carry it over, export the history as .sh and run it against npm run daemon first (it creates the same things and reads their new ids), or share this daemon with another browser.',
  historyScriptFor: 'Script for',
  historyScriptSocket: 'Unix socket',
  historyScriptTcp: 'TCP {address}',
  curlPasteSummary: 'Paste a curl command',
  embedOpenFull: 'Open in Docker API Explorer',
  embedUnknown: 'Nothing to embed here ({kind}).',
  embedRowsShown: '{shown} of {rows} rows.',
  embedCalledBy: 'Called by',
  embedSource: 'Kubernetes source at the tag',
  embedArticle: 'The article',

  shareSummary: 'Share this daemon',
  shareIntro:
    'A link (or a file, for bigger states) that opens this daemon’s containers, images, exec instances and the requests of the history in another browser. The answers’ bodies stay here.',
  shareMakeLink: 'Make a link',
  shareDownload: 'Download as a file',
  shareOpenFile: 'Open a shared file',
  shareLink: 'Link',
  shareLinkMade: 'Link made: {length} characters. Anyone who opens it gets a copy of this daemon.',
  shareTooLong:
    'This state makes a link of {length} characters, too long to pass around: download it as a file instead.',
  shareForeign: 'This is not a shared daemon from docker-api-explorer. Nothing was changed.',
  shareDamaged:
    'This shared daemon is damaged or cut short (or made by another version of the explorer). Nothing was changed.',
  shareVersion:
    'This shared daemon runs a Docker version this explorer does not simulate. Nothing was changed.',
  shareReplaceConfirm:
    'Replace this daemon with the shared one? This one holds {containers} containers and {requests} requests, which will be gone.',
  shareKept: 'The shared daemon was not opened: yours is unchanged.',
  shareOpened:
    'Opened a shared daemon: {containers} containers, {requests} requests in the history.',

  curlPasteLabel: 'curl command (or paste one into the path field)',
  curlPasteFill: 'Fill the form',
  curlFilled: 'Filled from curl: {request}.',
  curlNotCurl: 'Not a curl command: it starts with “{part}”.',
  curlUnclosedQuote: 'A quote is never closed: {part}…',
  curlShellSyntax:
    'The shell would expand or cut the command at “{part}”, and the playground cannot know what it becomes. Quote it, or put in its value.',
  curlUnknownOption:
    'Option {part} is not one the playground can follow. It reads -X, -H, -d / --data-binary / --data-raw / --json, -I and --url, and skips output, socket and timing options.',
  curlMissingValue: '{part} needs a value after it.',
  curlDataFile: '“{part}” reads a file the playground cannot open: paste the body itself after -d.',
  curlMethod:
    'The playground cannot send {part}: it sends GET, POST, PUT, DELETE, HEAD and OPTIONS.',
  curlUrl: 'Not a URL or a path: {part}',
  curlNoUrl: 'The command has no URL or path.',
  curlTwoUrls: 'More than one URL ({part}): paste one request at a time.',
  curlHeaderIgnored: 'Not sent (the playground sends only Content-Type): {part}',
  curlContentType: 'Content-Type {part} is not one the playground sends; it sends none.',
  curlFormBody:
    'No -H "Content-Type: …": curl would label this body application/x-www-form-urlencoded, which Docker 1.12 refuses for JSON. The playground sends no type (the daemon then reads JSON); add -H "Content-Type: application/json" to be exact.',
} as const

export type ClassroomMessageKey = keyof typeof en

const zh: Record<ClassroomMessageKey, string> = {
  copySocketPath: '套接字',
  copyTcpAddress: '地址',
  copyBrowserOnly:
    '“{id}”只存在于这个浏览器中的守护进程里：在 npm run daemon 也有它之前，npm run daemon 会返回 404。要把它带过去，可以先把历史记录导出为 .sh 并对 npm run daemon 运行（脚本会创建同样的对象并读出它们的新 id），或者把这个守护进程分享给另一个浏览器。',
  historyScriptFor: '脚本目标',
  historyScriptSocket: 'Unix 套接字',
  historyScriptTcp: 'TCP {address}',
  curlPasteSummary: '粘贴 curl 命令',
  embedOpenFull: '在 Docker API 浏览器中打开',
  embedUnknown: '这里没有可嵌入的内容（{kind}）。',
  embedRowsShown: '共 {rows} 行，显示 {shown} 行。',
  embedCalledBy: '调用方',
  embedSource: '发行标签处的 Kubernetes 源码',
  embedArticle: '原文',

  shareSummary: '分享这个守护进程',
  shareIntro:
    '生成一个链接（状态较大时生成文件），在另一个浏览器中打开这个守护进程的容器、镜像、exec 实例以及历史记录中的请求。应答的响应体不会带过去。',
  shareMakeLink: '生成链接',
  shareDownload: '下载为文件',
  shareOpenFile: '打开分享的文件',
  shareLink: '链接',
  shareLinkMade: '链接已生成：{length} 个字符。打开它的人会得到这个守护进程的一份副本。',
  shareTooLong: '这个状态生成的链接有 {length} 个字符，太长，不便传递：请改为下载文件。',
  shareForeign: '这不是 docker-api-explorer 分享的守护进程。没有做任何改动。',
  shareDamaged: '这个分享的守护进程已损坏或不完整（或由另一个版本的浏览器生成）。没有做任何改动。',
  shareVersion: '这个分享的守护进程运行的 Docker 版本不在本浏览器的模拟范围内。没有做任何改动。',
  shareReplaceConfirm:
    '用分享的守护进程替换当前的吗？当前的守护进程有 {containers} 个容器和 {requests} 个请求，它们都会消失。',
  shareKept: '没有打开分享的守护进程：你的守护进程保持不变。',
  shareOpened: '已打开分享的守护进程：{containers} 个容器，历史记录中有 {requests} 个请求。',

  curlPasteLabel: 'curl 命令（也可以直接粘贴到路径框里）',
  curlPasteFill: '填入表单',
  curlFilled: '已从 curl 填入：{request}。',
  curlNotCurl: '这不是 curl 命令：它以“{part}”开头。',
  curlUnclosedQuote: '有一个引号没有闭合：{part}…',
  curlShellSyntax:
    'shell 会在“{part}”处展开或截断命令，演练场无法知道它会变成什么。请给它加上引号，或直接写入它的值。',
  curlUnknownOption:
    '演练场无法处理选项 {part}。它能读取 -X、-H、-d / --data-binary / --data-raw / --json、-I 和 --url，并跳过输出、套接字和超时类选项。',
  curlMissingValue: '{part} 后面需要一个值。',
  curlDataFile: '“{part}”要读取一个文件，演练场无法打开它：请把请求体本身写在 -d 后面。',
  curlMethod: '演练场无法发送 {part}：它只发送 GET、POST、PUT、DELETE、HEAD 和 OPTIONS。',
  curlUrl: '不是 URL 也不是路径：{part}',
  curlNoUrl: '命令里没有 URL 或路径。',
  curlTwoUrls: '有不止一个 URL（{part}）：请一次粘贴一个请求。',
  curlHeaderIgnored: '未发送（演练场只发送 Content-Type）：{part}',
  curlContentType: 'Content-Type {part} 不在演练场可发送的类型之列；它将不发送类型。',
  curlFormBody:
    '没有 -H "Content-Type: …"：curl 会把这个请求体标为 application/x-www-form-urlencoded，而 Docker 1.12 对 JSON 会拒绝它。演练场不发送类型（守护进程随后按 JSON 读取）；要完全一致，请加上 -H "Content-Type: application/json"。',
}

/** The classroom strings by language (the embed reads them without React). */
export const CLASSROOM_MESSAGES = { en, zh }
