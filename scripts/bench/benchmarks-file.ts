// docs/benchmarks.md mixes measured figures (rewritten by every `npm run bench`) with hand-written
// analysis of them (kept): the figures live between two markers.
export const BENCHMARKS_FILE = 'docs/benchmarks.md'
export const BEGIN_MEASURED = '<!-- measured by npm run bench: begin -->'
export const END_MEASURED = '<!-- measured by npm run bench: end -->'
/** The dashboard and similar-cases figures: their own block, so `--only casework` can refresh them alone. */
export const BEGIN_CASEWORK = '<!-- casework measured by npm run bench: begin -->'
export const END_CASEWORK = '<!-- casework measured by npm run bench: end -->'

const NEW_FILE = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) in Debian Chromium, headless, against the web host.
The block below is rewritten by each run; the rest of this file is written by hand.

${BEGIN_MEASURED}
${END_MEASURED}
`

/** The sync server's figures (scripts/bench-sync.ts) have a block of their own. */
export const SYNC_MARKERS = {
  begin: '<!-- measured by npm run bench (sync): begin -->',
  end: '<!-- measured by npm run bench (sync): end -->',
}

/**
 * The file with a measured block replaced (the workstation's by default); a file without the
 * workstation's markers gets them at the top, and one without another block's gets it at the end.
 */
export function withMeasuredBlock(
  current: string,
  measured: string,
  markers = { begin: BEGIN_MEASURED, end: END_MEASURED },
): string {
  let file =
    current.includes(BEGIN_MEASURED) && current.includes(END_MEASURED) ? current : `${NEW_FILE}\n${current}`
  if (!file.includes(markers.begin) || !file.includes(markers.end))
    file = `${file.trimEnd()}\n\n${markers.begin}\n${markers.end}\n`
  const begin = file.indexOf(markers.begin)
  const end = file.indexOf(markers.end) + markers.end.length
  return file.slice(0, begin) + measured + file.slice(end)
}
