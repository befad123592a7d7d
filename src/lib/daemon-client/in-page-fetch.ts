import type { Daemon } from '../../daemon/index.ts'

/**
 * A `fetch` answered in the page by the very same MSW handlers the service worker uses
 * (msw's getResponse over createHandlers), for one daemon.
 *
 * Why the terminal's stream takes it: every chunk of a response streamed through a service
 * worker crosses two stream hops in Chromium (page → worker as a transferred ReadableStream,
 * worker → page as the fetch body), measured at ≈ 15 ms per chunk (`npm run bench`: keystroke →
 * echo 25–27 ms through the worker, 8–12 ms in the page). A terminal echoes every key as one
 * chunk, so that hop alone would exceed a frame. The request and response are the same Fetch
 * objects either way; only DevTools' network panel no longer lists the stream.
 */
const cache = new WeakMap<Daemon, Promise<typeof fetch>>()

export function inPageFetch(daemon: Daemon, baseUrl: string): Promise<typeof fetch> {
  let pending = cache.get(daemon)
  if (pending === undefined) {
    pending = (async () => {
      const [{ getResponse }, { createHandlers }] = await Promise.all([
        import('msw'),
        import('../../mocks/handlers/index.ts'),
      ])
      const handlers = createHandlers(daemon, { baseUrl })
      const answer: typeof fetch = async (input, init) =>
        (await getResponse(handlers, new Request(input, init))) ??
        new Response('no handler answered', { status: 502 })
      return answer
    })()
    cache.set(daemon, pending)
  }
  return pending
}
