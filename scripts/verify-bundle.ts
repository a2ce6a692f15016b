// `npm run verify-bundle -- file.zip`: rechecks every file of an evidence bundle against the SHA-256
// in its manifest. Exit 0 when every file is intact, 1 when any is missing or altered, 2 when the
// bundle cannot be read at all.
import { readFileSync } from 'node:fs'
import { verifyEvidenceBundle } from '../shared/evidence/evidence-bundle'
import { createSha256Hasher } from '../shared/hashing/sha256'

const path = process.argv[2]
if (!path) {
  console.error('Usage: npm run verify-bundle -- <evidence-bundle.zip>')
  process.exit(2)
}
let bytes: Uint8Array
try {
  bytes = new Uint8Array(readFileSync(path))
} catch (error) {
  console.error(`Cannot read ${path}: ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}
const verdict = verifyEvidenceBundle(bytes, await createSha256Hasher())
for (const check of verdict.checks)
  console.info(`${check.outcome.toUpperCase().padEnd(7)} ${check.exhibit} ${check.path}`)
if (verdict.ok) {
  console.info(
    `OK: ${verdict.checks.length} file(s) of ${verdict.manifest.caseNumber} match their recorded SHA-256.`,
  )
  process.exit(0)
}
console.error(`FAILED: ${verdict.error}`)
process.exit(verdict.checks.length ? 1 : 2)
