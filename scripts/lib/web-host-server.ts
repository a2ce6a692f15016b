import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import sirv from 'sirv'

export interface WebHost {
  url: string
  close(): Promise<void>
}

/**
 * Serves the built renderer (out/renderer) on loopback only. The page's own CSP is in index.html;
 * these headers add what a meta tag cannot express.
 */
export async function startWebHost(options: { root?: string; port?: number } = {}): Promise<WebHost> {
  const root = resolve(options.root ?? 'out/renderer')
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}. Run "npm run build:web" first.`)
  }
  const serveRenderer = sirv(root, {
    single: true,
    etag: true,
    setHeaders(response, pathname) {
      // Hashed assets can be cached forever; index.html must always be fresh after a rebuild.
      response.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  const server: Server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('X-Frame-Options', 'DENY')
    response.setHeader('Referrer-Policy', 'no-referrer')
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    serveRenderer(request, response, () => {
      response.statusCode = 404
      response.end('Not found')
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}
