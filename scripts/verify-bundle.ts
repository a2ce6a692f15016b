// `npm run verify-bundle -- file.zip`: rechecks every file of an evidence bundle against the SHA-256
// in its manifest. Exit 0 when every file is intact, 1 when any is missing or altered, 2 when the
// bundle cannot be read or is refused (entries outside the bundle, doubled, unlisted in the manifest,
// or past the size limits). The file is read a piece at a time, so bundles over 2 GiB verify too.
import { displayEntryName } from '@shared/formats/bundle/entry-names'
import { verifyEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'
import { type BundleFile, openBundleFile } from './lib/bundle-file'

const path = process.argv[2]
if (!path) {
  console.error('Usage: npm run verify-bundle -- <evidence-bundle.zip>')
  process.exit(2)
}
let bundle: BundleFile
try {
  bundle = await openBundleFile(path)
} catch (error) {
  console.error(`Cannot read ${path}: ${error instanceof Error ? error.message : error}`)
  process.exit(2)
}
const verdict = await verifyEvidenceBundle(bundle).finally(() => bundle.close())
for (const check of verdict.checks)
  console.info(`${check.outcome.toUpperCase().padEnd(7)} ${check.exhibit} ${displayEntryName(check.path)}`)
if (verdict.ok) {
  console.info(
    `OK: ${verdict.checks.length} file(s) of ${displayEntryName(verdict.manifest.caseNumber)} match their recorded SHA-256.`,
  )
  process.exit(0)
}
console.error(`FAILED: ${verdict.error}`)
process.exit(verdict.checks.length ? 1 : 2)
