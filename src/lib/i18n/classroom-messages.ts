/**
 * UI strings of the classroom tools (copied commands' target, the replay script, sharing a
 * daemon, pasting curl), in both languages. Like feature-messages.ts they ship with the
 * playground's chunk, not with the first page.
 */
import { registerFeatureMessages } from './index.tsx'

const en = {
  copySocketPath: 'Socket',
  copyTcpAddress: 'Address',
  copyBrowserOnly:
    '“{id}” exists only in this browser’s daemon: npm run daemon answers 404 until it has one too. To carry it over, export the history as .sh and run it against npm run daemon first (it creates the same things and reads their new ids), or share this daemon with another browser.',
  historyScriptFor: 'Script for',
  historyScriptSocket: 'Unix socket',
  historyScriptTcp: 'TCP {address}',
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
}

registerFeatureMessages({ en, zh })
