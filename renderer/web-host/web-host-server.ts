import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { WEB_HOST_PRINT_PATH, WEB_HOST_SYNC_PATH } from '@platform/web-host-paths'
import { PRINT_DOCUMENT_CSP } from '@shared/formats/print-document'
import { MAX_PRINT_HTML_LENGTH, platformChannels } from '@shared/protocol/platform/contract'
import { describeIssues } from '@shared/validation'
import sirv from 'sirv'
import { createReportPrinter } from './report-printer'
import { createWebHostSync } from './web-host-sync'

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
  // Documents being printed, each served once to the printer's own page at an unguessable address.
  const printDocuments = new Map<string, string>()
  let origin = ''
  const printer = createReportPrinter({
    publish(html) {
      const token = randomUUID()
      printDocuments.set(token, html)
      return { url: `${origin}${PRINT_DOCUMENT_PATH}${token}`, withdraw: () => printDocuments.delete(token) }
    },
  })
  const handleSync = createWebHostSync()
  const server: Server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('X-Frame-Options', 'DENY')
    response.setHeader('Referrer-Policy', 'no-referrer')
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    if (request.url === WEB_HOST_PRINT_PATH) {
      void handlePrint(request, response, origin, printer.print)
      return
    }
    if (request.url?.startsWith(WEB_HOST_SYNC_PATH)) {
      void handleSync(request, response, origin, request.url.slice(WEB_HOST_SYNC_PATH.length))
      return
    }
    if (request.url?.startsWith(PRINT_DOCUMENT_PATH)) {
      const html = printDocuments.get(request.url.slice(PRINT_DOCUMENT_PATH.length))
      response.statusCode = html === undefined ? 404 : 200
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      response.setHeader('Content-Security-Policy', PRINT_DOCUMENT_CSP)
      response.setHeader('Cache-Control', 'no-store')
      response.end(html ?? 'Not found')
      return
    }
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
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/`,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await printer.close()
    },
  }
}

/** Where the printer's page loads a document being printed (one-time token after the slash). */
const PRINT_DOCUMENT_PATH = '/api/print-document/'

/**
 * Prints a report document to PDF. Only the app's own page may ask (same origin, JSON body); the
 * request is checked against the same contract Electron's main process uses.
 */
async function handlePrint(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
  print: (html: string) => Promise<Uint8Array>,
): Promise<void> {
  const refuse = (status: number, message: string) => {
    response.statusCode = status
    response.setHeader('Content-Type', 'text/plain; charset=utf-8')
    response.end(message)
  }
  if (request.method !== 'POST') return refuse(405, 'POST a report document to print it.')
  if (request.headers.origin !== origin) return refuse(403, 'Only the workstation itself may print here.')
  if (!request.headers['content-type']?.startsWith('application/json'))
    return refuse(415, 'Send the report document as JSON.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_PRINT_HTML_LENGTH * 1.1) return refuse(413, 'The report document is too large to print.')
    chunks.push(chunk)
  }
  let body: unknown
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return refuse(400, 'The print request is not valid JSON.')
  }
  const parsed = platformChannels['report:print'].request.safeParse(body)
  if (!parsed.success) return refuse(400, `Invalid print request: ${describeIssues(parsed.error)}`)
  try {
    const pdf = await print(parsed.data.html)
    response.statusCode = 200
    response.setHeader('Content-Type', 'application/pdf')
    response.setHeader('Cache-Control', 'no-store')
    response.end(Buffer.from(pdf))
  } catch (error) {
    refuse(500, `Printing failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
