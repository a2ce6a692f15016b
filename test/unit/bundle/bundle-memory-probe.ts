// Run by hostile-bundles-memory.test.ts in a child process of its own. Reads each bundle named as
// `case:<path>` or `evidence:<path>` from disk through a file source, and prints per bundle what the
// reader answered and how far the process's peak resident memory rose while it read. The peak is the
// kernel's high-water mark (getrusage), so a reader that inflated a bomb even briefly shows in it.
import { openBundleFile } from '@scripts/lib/bundle-file'
import { readCaseBundle } from '@shared/formats/bundle/read'
import { verifyEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'

async function answer(kind: string, path: string): Promise<string> {
  const file = await openBundleFile(path)
  try {
    if (kind === 'case') {
      const result = await readCaseBundle(file)
      return result.ok ? 'accepted' : result.error
    }
    const verdict = await verifyEvidenceBundle(file)
    return verdict.ok ? 'verified' : verdict.error
  } finally {
    await file.close()
  }
}

const results: Array<{ path: string; answer: string; peakRiseMiB: number }> = []
for (const argument of process.argv.slice(2)) {
  const [kind = '', path = ''] = argument.split(/:(.*)/s)
  const peakBefore = process.resourceUsage().maxRSS
  const said = await answer(kind, path)
  results.push({ path, answer: said, peakRiseMiB: (process.resourceUsage().maxRSS - peakBefore) / 1024 })
}
console.info(JSON.stringify(results))
