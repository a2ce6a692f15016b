// `npm run demo-data -- --cases 100000 --out demo.zip [--seed 20261124] [--now 2026-11-24T12:00:00Z]`
// Writes the deterministic demo dataset as a case bundle, streaming it to disk.
import { createWriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { DEMO_ACTOR, generateDemoCases } from '@shared/demo/generate'
import { createCaseBundleWriter } from '@shared/formats/bundle/write'
import { createSha256Hasher } from '@shared/hashing/sha256'
import packageJson from '../package.json' with { type: 'json' }

const usage =
  'usage: npm run demo-data -- --cases <1..100000> --out <file.zip> [--seed <n>] [--now <ISO time>]'
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '500' },
    out: { type: 'string' },
    seed: { type: 'string', default: '20261124' },
    now: { type: 'string', default: '2026-11-24T12:00:00.000Z' },
  },
})
const count = Number(values.cases)
const seed = Number(values.seed)
const now = new Date(values.now)
if (
  !values.out ||
  !Number.isInteger(count) ||
  count < 1 ||
  count > 100_000 ||
  !Number.isInteger(seed) ||
  Number.isNaN(now.getTime())
) {
  console.error(usage)
  process.exit(2)
}

const started = performance.now()
const out = createWriteStream(values.out)
const finished = new Promise<void>((resolve, reject) => {
  out.on('finish', resolve)
  out.on('error', reject)
})
let bytesWritten = 0
const writer = createCaseBundleWriter({
  exportedAt: now.toISOString(),
  exportedBy: DEMO_ACTOR,
  appVersion: packageJson.version,
  onChunk(chunk, final) {
    bytesWritten += chunk.byteLength
    out.write(chunk)
    if (final) out.end()
  },
})

const hash = await createSha256Hasher()
let evidenceFiles = 0
let written = 0
for (const demo of generateDemoCases({ seed, count, now: now.toISOString(), firstSequence: 1 }, hash)) {
  writer.addCase(demo.caseFile)
  for (const file of demo.evidenceFiles) writer.addEvidenceFile(file.sha256, file.bytes)
  evidenceFiles += demo.evidenceFiles.length
  written++
  if (written % 10_000 === 0)
    console.info(`${written.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} cases`)
}
writer.finish()
await finished

const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.info(
  `Wrote ${values.out}: ${count.toLocaleString('en-US')} cases, ${evidenceFiles.toLocaleString('en-US')} evidence files, ${(bytesWritten / 1024 / 1024).toFixed(1)} MiB in ${seconds} s (seed ${seed}).`,
)
