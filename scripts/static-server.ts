import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
}

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

/**
 * A minimal static host for the production build, mounted under `base` (e.g. /explorer/) the
 * way GitHub Pages or any CDN would serve it: no rewrites, no SPA fallback.
 */
export async function serveStatic(dir: string, base = '/', port = 0): Promise<StaticServer> {
  const root = resolve(dir)
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404).end('not found')
      return
    }
    let relative = decodeURIComponent(url.pathname.slice(base.length))
    if (relative === '' || relative.endsWith('/')) relative += 'index.html'
    const file = normalize(resolve(root, relative))
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end('forbidden')
      return
    }
    try {
      const stat = statSync(file)
      if (!stat.isFile()) throw new Error('not a file')
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': stat.size,
        'cache-control': 'no-cache',
      })
      createReadStream(file).pipe(response)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
