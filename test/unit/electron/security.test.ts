import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppProtocolHandler, resolveAppAsset } from '@electron/app-protocol'
import {
  allowedRequestSchemes,
  createTrustedOriginCheck,
  decidePermission,
  hardenWebContents,
  isAllowedRequest,
} from '@electron/security'
import { mainWindowOptions } from '@electron/window'
import { describe, expect, it, vi } from 'vitest'

const isTrusted = createTrustedOriginCheck(undefined)

describe('the main window', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/preload.cjs', null)
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
  })
})

describe('navigation and new windows', () => {
  function fakeContents() {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    hardenWebContents(
      {
        on: ((event: string, handler: never) => handlers.set(event, handler)) as never,
        setWindowOpenHandler: ((handler: never) => {
          openHandler = handler
        }) as never,
      },
      isTrusted,
    )
    const attempt = (event: string, url: string) => {
      const preventDefault = vi.fn()
      handlers.get(event)!({ preventDefault }, url)
      return preventDefault.mock.calls.length > 0 ? 'denied' : 'allowed'
    }
    return { attempt, openWindow: (url: string) => openHandler!({ url }).action }
  }

  it('denies navigation and redirects away from the app', () => {
    const contents = fakeContents()
    expect(contents.attempt('will-navigate', 'https://phishing.example/login')).toBe('denied')
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe('denied')
    expect(contents.attempt('will-navigate', 'app://workstation/index.html')).toBe('allowed')
  })

  it('denies every new window and webview', () => {
    const contents = fakeContents()
    expect(contents.openWindow('app://workstation/index.html')).toBe('deny')
    expect(contents.openWindow('https://example.com')).toBe('deny')
    expect(contents.attempt('will-attach-webview', '')).toBe('denied')
  })

  it('loads no remote content', () => {
    const packaged = allowedRequestSchemes(true)
    expect(isAllowedRequest('https://fonts.example.com/roboto.woff2', isTrusted, packaged)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:8080/', isTrusted, packaged)).toBe(false)
    expect(isAllowedRequest('app://workstation/assets/index.js', isTrusted, packaged)).toBe(true)
    expect(isAllowedRequest('blob:app://workstation/3f2a', isTrusted, packaged)).toBe(true)
  })

  it('lets a packaged build load only its own pages, data: and blob:', () => {
    const packaged = allowedRequestSchemes(true)
    for (const url of [
      'app://workstation/index.html',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://workstation/3f2a',
    ])
      expect(isAllowedRequest(url, isTrusted, packaged), url).toBe(true)
    for (const url of [
      'devtools://devtools/bundled/devtools_app.html',
      'chrome-extension://fmkadmapgofadopljbjfkapdkoienihi/panel.html',
      'DEVTOOLS://devtools/bundled/devtools_app.html',
      'app://elsewhere/index.html',
    ])
      expect(isAllowedRequest(url, isTrusted, packaged), url).toBe(false)
  })

  it('allows the DevTools only in an unpackaged development run', () => {
    const devRun = allowedRequestSchemes(false)
    const devTrusted = createTrustedOriginCheck('http://localhost:5173/')
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', devTrusted, devRun)).toBe(true)
    expect(
      isAllowedRequest('chrome-extension://fmkadmapgofadopljbjfkapdkoienihi/panel.html', devTrusted, devRun),
    ).toBe(true)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', devTrusted, devRun)).toBe(true)
  })

  it('always refuses file:, http:, https: and javascript:, packaged or not', () => {
    for (const schemes of [allowedRequestSchemes(true), allowedRequestSchemes(false)])
      for (const url of [
        'file:///etc/passwd',
        'http://example.com/',
        'https://example.com/',
        'javascript:alert(1)',
        'not a url',
        ':data:',
      ])
        expect(isAllowedRequest(url, isTrusted, schemes), url).toBe(false)
  })

  it('grants no permission but notifications, and only to the app', () => {
    expect(decidePermission('media', { requestingUrl: 'app://workstation/' }, isTrusted)).toBe(false)
    expect(decidePermission('geolocation', { requestingUrl: 'app://workstation/' }, isTrusted)).toBe(false)
    expect(decidePermission('notifications', { requestingUrl: 'app://workstation/' }, isTrusted)).toBe(true)
    expect(decidePermission('notifications', { requestingUrl: 'https://x.example/' }, isTrusted)).toBe(false)
  })
})

describe('the app:// protocol', () => {
  const root = '/opt/crw/out/renderer'

  it('serves files inside the built renderer', () => {
    expect(resolveAppAsset(root, 'app://workstation/')).toBe(`${root}/index.html`)
    expect(resolveAppAsset(root, 'app://workstation/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`)
  })

  it('keeps dot segments inside the renderer folder', () => {
    // The URL parser folds plain ../ away, so such a request can only name a file inside.
    expect(resolveAppAsset(root, 'app://workstation/../../etc/passwd')).toBe(`${root}/etc/passwd`)
    expect(resolveAppAsset(root, 'app://workstation/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`)
  })

  it('refuses anything that would leave it', () => {
    for (const url of [
      'app://workstation/..%2f..%2fetc%2fpasswd',
      'app://workstation/assets/..%5c..%5csecret',
      'app://other/index.html',
      'https://workstation/index.html',
      'app://workstation/%00',
      'not a url',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull()
    }
  })

  it('answers with the file and the strict CSP header, or 404', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renderer-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html>')
    const fetchFile = vi.fn(
      async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
    )
    const handle = createAppProtocolHandler({ rendererDir: dir, fetchFile })
    const ok = await handle(new Request('app://workstation/index.html'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Security-Policy')).toMatch(
      /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/,
    )
    expect(await ok.text()).toBe('<!doctype html>')
    const refused = await handle(new Request('app://workstation/..%2fsecret'))
    expect(refused.status).toBe(404)
    expect(fetchFile).toHaveBeenCalledTimes(1)
  })
})
