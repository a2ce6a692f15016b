import { type DemoCase, generateDemoCases } from '@shared/demo/generate'
import { createSha256Hasher } from '@shared/hashing/sha256'

export const DEMO_NOW = '2026-11-24T12:00:00.000Z'

export async function demoCaseFiles(options: {
  seed: number
  count: number
  firstSequence?: number
}): Promise<DemoCase[]> {
  const hash = await createSha256Hasher()
  return [...generateDemoCases({ now: DEMO_NOW, firstSequence: 1, ...options }, hash)]
}
