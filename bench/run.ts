/**
 * npm run bench: the first page (bundle size, time to a painted matrix, filter latency) against
 * a plain static HTML page in the same run, and the lazy views' latencies (terminal echo, node
 * clock, the playground's Send). Results go to bench/results/ and stdout.
 * `npm run bench -- daemon` runs the simulated daemon's HTTP benchmark as well, `npm run bench --
 * abuse` the attacks of issue 15 against `npm run daemon` (bench/abuse.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runFirstPageBench } from './first-page.ts'
import type { PlaygroundSendResult } from './playground-send.ts'

const outDir = resolve(import.meta.dirname, 'results')
mkdirSync(outDir, { recursive: true })

const page = await runFirstPageBench()
writeFileSync(resolve(outDir, 'first-page.json'), `${JSON.stringify(page, null, 2)}\n`)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${value.toFixed(1)} ms`
const send = (result: PlaygroundSendResult) =>
  `${ms(result.median)} (p90 ${ms(result.p90)}, ${result.samples} sends)`
console.log(`
## First page (median of cold visits, headless Chromium)

| measure | docker-api-explorer | plain HTML | target |
|---|---|---|---|
| gzipped JS + CSS | ${kb(page.gzipBytes.total)} (JS ${kb(page.gzipBytes.js)}, CSS ${kb(page.gzipBytes.css)} inlined) | 0 KB | ≤ 100 KB |\n| gzipped HTML (prerendered matrix + inline CSS) | ${kb(page.gzipBytes.html)} | ${kb(page.plainHtmlGzip)} | |
| full matrix painted | ${ms(page.readyMs.app)} | ${ms(page.readyMs.plain)} | ≤ 1.5× plain (now ${page.readyMs.ratio.toFixed(2)}×) |
| embedded matrix (embed.html, HTML + JS + CSS) | ${kb(page.embeddedMatrixGzip)} | — | ≤ 60 KB |
| hydrated (interactive) | ${ms(page.readyMs.appInteractive)} | — | |
| filter keystroke → next frame (median) | ${ms(page.filterMs.app)} (p95 ${ms(page.filterMs.appP95)}) | ${ms(page.filterMs.plain)} | ≤ 16 ms |
| terminal keystroke → echo on screen (median; calls through the service worker, the stream in the page) | ${ms(page.terminalEcho.median)} (p95 ${ms(page.terminalEcho.p95)}, ${page.terminalEcho.samples} keys) | — | ≤ 16 ms |
| the same, answered in the page (no service worker) | ${ms(page.terminalEchoInPage.median)} (p95 ${ms(page.terminalEchoInPage.p95)}) | — | |
| kubelet view: an hour of a 110-pod node computed and shown (1.3 + 1.4, median of ${page.nodeClock.hourMs.runs}) | ${ms(page.nodeClock.hourMs.median)} (max ${ms(page.nodeClock.hourMs.max)}) | — | ≤ 2 s |
| node clock playing at ×60: a frame's work (p95) | ${ms(page.nodeClock.frameWorkMs.p95)} (median ${ms(page.nodeClock.frameWorkMs.median)}, ${page.nodeClock.frameWorkMs.frames} frames in 5 s) | — | ≤ 16 ms |
| the same page, clock stopped: a frame's work (p95) / gap between frames (p95, playing vs stopped) | ${ms(page.nodeClock.idleFrameWorkMs.p95)} / ${ms(page.nodeClock.frameIntervalMs.p95)} vs ${ms(page.nodeClock.idleFrameIntervalMs.p95)} | — | |
| playground Send → answer on screen (median; \`GET /_ping\`, a real fetch through the service worker) | ${send(page.playgroundSend.ping)} | — | ≤ 16 ms |
| the same, \`GET /images/json\` (${page.playgroundSend.images.bodyBytes} B of JSON) | ${send(page.playgroundSend.images)} | — | ≤ 16 ms |
| the same, \`GET /_ping\` answered in the page (service workers blocked) | ${send(page.playgroundSend.pingInPage)} | — | |
`)

if (process.argv.includes('daemon') || process.argv.includes('all')) {
  const { runDaemonBench } = await import('./daemon.ts')
  await runDaemonBench()
}

if (process.argv.includes('abuse') || process.argv.includes('all')) {
  const { runAbuseBench } = await import('./abuse.ts')
  await runAbuseBench()
}
