// docs/benchmarks.md mixes measured figures (rewritten by every `npm run bench`) with hand-written
// analysis of them (kept): the figures live between two markers.
export const BENCHMARKS_FILE = 'docs/benchmarks.md'
export const BEGIN_MEASURED = '<!-- measured by npm run bench: begin -->'
export const END_MEASURED = '<!-- measured by npm run bench: end -->'

const NEW_FILE = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) in Debian Chromium, headless, against the web host.
The block below is rewritten by each run; the rest of this file is written by hand.

${BEGIN_MEASURED}
${END_MEASURED}
`

/** The file with its measured block replaced; a file without the markers gets them at the top. */
export function withMeasuredBlock(current: string, measured: string): string {
  const file =
    current.includes(BEGIN_MEASURED) && current.includes(END_MEASURED) ? current : `${NEW_FILE}\n${current}`
  const begin = file.indexOf(BEGIN_MEASURED)
  const end = file.indexOf(END_MEASURED) + END_MEASURED.length
  return file.slice(0, begin) + measured + file.slice(end)
}
