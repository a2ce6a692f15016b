import { startWebHost, type WebHost } from '@web-host/web-host-server'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    webHostUrl: string
  }
}

let host: WebHost | undefined

/** Serves the built renderer (npm run test:e2e builds it first) for every e2e file. */
export async function setup(project: TestProject): Promise<void> {
  // CRW_RENDERER_DIR: a build of its own (`vite build --outDir …`), for parallel work in one checkout.
  host = await startWebHost({ root: process.env.CRW_RENDERER_DIR })
  project.provide('webHostUrl', host.url)
}

export async function teardown(): Promise<void> {
  await host?.close()
}
