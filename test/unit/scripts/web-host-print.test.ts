import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WEB_HOST_PRINT_PATH } from '@platform/web-host-paths'
import { readPdf } from '@scripts/lib/pdf-reader'
import { startWebHost, type WebHost } from '@web-host/web-host-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let host: WebHost

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'crw-web-host-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
  host = await startWebHost({ root })
})
afterAll(() => host?.close())

const print = (body: unknown, origin = host.url.replace(/\/$/, '')) =>
  fetch(new URL(WEB_HOST_PRINT_PATH, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  })

describe("the web host's printer", () => {
  it('prints a document to PDF with Chromium, with bookmarks from its headings', async () => {
    const response = await print({
      html: '<!doctype html><title>Report</title><h1>Summary</h1><p>The mailbox was dented.</p><h2 style="break-before: page">Findings</h2><p>Confirmed.</p>',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()))
    expect(pdf.pages).toHaveLength(2)
    expect(pdf.pages[0]).toContain('The mailbox was dented.')
    expect(pdf.outline).toEqual([
      { title: 'Summary', page: 1 },
      { title: 'Findings', page: 2 },
    ])
  }, 30_000)

  it('loads nothing from the network while printing, and runs no script', async () => {
    const response = await print({
      html: '<img src="http://127.0.0.1:9/tracker.png"><p id="p">static</p><script>document.getElementById("p").textContent = "scripted"</script>',
    })
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()))
    expect(pdf.pages[0]).toContain('static')
    expect(pdf.pages[0]).not.toContain('scripted')
  }, 30_000)

  it('refuses other sites, other methods and malformed requests, each with a reason', async () => {
    expect((await print({ html: '<p>x</p>' }, 'https://evil.example')).status).toBe(403)
    expect((await print({ html: '' })).status).toBe(400)
    expect((await print({ html: '<p>x</p>', extra: true })).status).toBe(400)
    const get = await fetch(new URL(WEB_HOST_PRINT_PATH, host.url))
    expect(get.status).toBe(405)
    expect(await get.text()).toContain('POST a report document')
  })
})
