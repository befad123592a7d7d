import type { Daemon } from '../../daemon/index.ts'
import { daemonFetch, everythingPattern, parseBaseUrl } from '../../daemon-fetch/index.ts'

/**
 * A `fetch` answered in the page, for one daemon: the same Fetch ⇄ daemon translation
 * (`src/daemon-fetch/`) that MSW's handler runs in the service worker's round trip and that the
 * node server runs, called directly, so the page loads no MSW for it.
 *
 * Why the terminal's stream takes it: every chunk of a response streamed through a service
 * worker crosses two stream hops in Chromium (page → worker as a transferred ReadableStream,
 * worker → page as the fetch body), measured at ≈ 15 ms per chunk (`npm run bench`: keystroke →
 * echo 25–27 ms through the worker, 8–12 ms in the page). A terminal echoes every key as one
 * chunk, so that hop alone would exceed a frame. The request and response are the same Fetch
 * objects either way; only DevTools' network panel no longer lists the stream. The page also
 * answers everything this way where no service worker can run (plain http on a LAN address).
 */
const cache = new WeakMap<Daemon, typeof fetch>()

export function inPageFetch(daemon: Daemon, baseUrl: string): typeof fetch {
  let answer = cache.get(daemon)
  if (answer === undefined) {
    const base = parseBaseUrl(
      baseUrl,
      typeof location === 'undefined' ? undefined : location.origin,
    )
    const ours = everythingPattern(base)
    const handle = daemonFetch(daemon, base)
    answer = async (input, init) => {
      const request = new Request(input, init)
      // Only the daemon's URLs: anything else would have gone to the network.
      return ours.test(request.url)
        ? handle(request)
        : new Response('not a URL of the simulated daemon', { status: 502 })
    }
    cache.set(daemon, answer)
  }
  return answer
}
