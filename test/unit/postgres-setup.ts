// Global setup of the unit tests: one throwaway PostgreSQL cluster for the server's tests against a
// real PostgreSQL (each test file makes its own databases in it).
import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from '../support/postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}
