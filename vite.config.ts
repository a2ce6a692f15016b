import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import { DEV_CSP, STRICT_CSP } from './shared/protocol/platform/csp'

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

/**
 * The layer aliases (`@shared/…`, `@features/…`, …), read from tsconfig.json's `paths` so the type
 * checker, Vite, Vitest, electron-vite, tsx and esbuild all resolve them from one list.
 */
export function layerAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> }
  }
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      alias.replace(/\/\*$/, ''),
      resolve(import.meta.dirname, (target ?? '').replace(/\/\*$/, '')),
    ]),
  )
}

const appVersion: string = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
).version

/** Shared by the web host build (this file) and the Electron build (electron.vite.config.ts). */
export const rendererConfig: UserConfig = {
  root: 'renderer',
  // Relative asset URLs: the same build is served by the web host and by Electron's app:// protocol.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: layerAliases() },
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
