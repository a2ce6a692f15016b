import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { layerAliases, rendererConfig } from './vite.config'

export default defineConfig({
  main: {
    resolve: { alias: layerAliases() },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve('electron/main.ts') } },
    },
  },
  preload: {
    resolve: { alias: layerAliases() },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: bundle everything (zod included) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve('renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
