import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type UserConfig } from 'vite'

/**
 * The renderer's Content-Security-Policy. Built pages get the strict policy; the dev server needs
 * inline scripts and a websocket for hot reload, so only `vite serve` relaxes it.
 */
const STRICT_CSP = [
  "default-src 'self'",
  // WebAssembly (hash-wasm's SHA-256) needs compiling; 'wasm-unsafe-eval' allows that and not JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Emotion (MUI's styling engine) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')

const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*",
)

function contentSecurityPolicy(): Plugin {
  let policy = STRICT_CSP
  return {
    name: 'workstation-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? DEV_CSP : STRICT_CSP
    },
    transformIndexHtml(html) {
      return html.replace('%WORKSTATION_CSP%', policy)
    },
  }
}

/** Shared by the web host build (this file) and the Electron build (electron.vite.config.ts). */
const appVersion: string = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
).version

export const rendererConfig: UserConfig = {
  root: 'renderer',
  // Relative asset URLs: the same build is served by the web host and by Electron's app:// protocol.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  worker: { format: 'es' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2_000,
  },
}

export default defineConfig(rendererConfig)
