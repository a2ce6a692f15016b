import type { TestProject } from 'vitest/node'
import { startWebHost, type WebHost } from '../../scripts/lib/web-host-server'

declare module 'vitest' {
  export interface ProvidedContext {
    webHostUrl: string
  }
}

let host: WebHost | undefined

/** Serves the built renderer (npm run test:e2e builds it first) for every e2e file. */
export async function setup(project: TestProject): Promise<void> {
  host = await startWebHost()
  project.provide('webHostUrl', host.url)
}

export async function teardown(): Promise<void> {
  await host?.close()
}
