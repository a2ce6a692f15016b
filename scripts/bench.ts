// `npm run bench`: measures the performance budgets in Debian Chromium against the web host and
// writes docs/benchmarks.md (date, machine, figures). Not a test: numbers are recorded, not asserted.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium'
import { identifyAs, loadDemoData, openSettings } from '../test/e2e/workstation'
import { startWebHost } from './lib/web-host-server'

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' } } })
const caseCount = Number(values.cases) as 500 | 5000 | 100000
if (![500, 5000, 100000].includes(caseCount)) throw new Error('--cases must be 500, 5000 or 100000')

interface Figure {
  name: string
  value: string
  budget: string
}
const figures: Figure[] = []
const record = (name: string, value: string, budget = '—') => {
  figures.push({ name, value, budget })
  console.info(`${name}: ${value}`)
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

// 1. The demo dataset as a bundle from the command line.
const scratch = mkdtempSync(join(tmpdir(), 'crw-bench-'))
const bundlePath = join(scratch, 'demo.zip')
let started = performance.now()
execFileSync('npx', ['tsx', 'scripts/demo-data.ts', '--cases', String(caseCount), '--out', bundlePath], {
  stdio: 'inherit',
})
record(
  `Generate the ${caseCount.toLocaleString('en-US')}-case demo bundle (CLI, Node)`,
  `${seconds(performance.now() - started)}, ${(statSync(bundlePath).size / 1024 / 1024).toFixed(0)} MiB`,
)

// 2. Load the demo dataset in the web host, from Settings.
const host = await startWebHost()
const profile = mkdtempSync(join(tmpdir(), 'crw-bench-profile-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
  headless: true,
  viewport: { width: 1600, height: 1000 },
})
try {
  let page = context.pages()[0] ?? (await context.newPage())
  await page.goto(host.url)
  await identifyAs(page, { name: 'Bench Analyst', id: 'bench' })
  await openSettings(page)
  started = performance.now()
  const progressLog = logLoadProgress(page, started)
  await loadDemoData(page, caseCount, 60 * 60_000)
  clearInterval(progressLog)
  record(
    `Load ${caseCount.toLocaleString('en-US')} demo cases in the web host (Settings → Load demo data)`,
    seconds(performance.now() - started),
  )

  // 3. Cold start: a new page over the loaded database, navigation start → first queue row painted.
  const coldStarts: number[] = []
  for (let run = 0; run < 5; run++) {
    await page.close()
    page = await context.newPage()
    await page.goto(host.url)
    coldStarts.push(await firstQueueRowAt(page))
  }
  coldStarts.sort((a, b) => a - b)
  record(
    `Cold start to first interactive queue row (${caseCount.toLocaleString('en-US')} cases, median of 5)`,
    `${coldStarts[2]!.toFixed(0)} ms (min ${coldStarts[0]!.toFixed(0)}, max ${coldStarts[4]!.toFixed(0)})`,
    '< 1 s',
  )
} finally {
  await context.close()
  await host.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
}

/** Prints the loader's progress every 20 s, so a slow load shows where its time goes. */
function logLoadProgress(page: Page, started: number) {
  return setInterval(() => {
    page
      .getByLabel('Loading demo data')
      .getAttribute('aria-valuetext', { timeout: 1_000 })
      .then((text) => console.info(`  ${seconds(performance.now() - started)}: ${text}`))
      .catch(() => undefined)
  }, 20_000)
}

/** Milliseconds from navigation start until the first queue row is rendered and accepts a click. */
async function firstQueueRowAt(page: Page): Promise<number> {
  const row = page.getByTestId('queue-row').first()
  await row.waitFor({ state: 'visible', timeout: 60_000 })
  await row.click({ trial: true })
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('queue:first-row')[0]
    if (!mark) throw new Error('the queue did not mark its first row')
    return mark.startTime
  })
}

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim()
const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}, Node ${process.version}, ${chromiumVersion}`
const rows = figures.map((f) => `| ${f.name} | ${f.value} | ${f.budget} |`).join('\n')
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) in Debian Chromium, headless, against the web host.

- Date: ${new Date().toISOString()}
- Machine: ${machine}

| measurement | result | budget |
|---|---|---|
${rows}

## How each figure is taken

- **Demo bundle**: \`npm run demo-data -- --cases N --out file.zip\`, wall time of the whole command.
- **Load demo cases**: from the click on "Load demo data" in Settings to the "Loaded N demo cases."
  confirmation, in a fresh browser profile (generation and IndexedDB writes run in a Web Worker).
- **Cold start**: a new page over the same profile (the database already holds the cases); the queue
  sets a \`queue:first-row\` performance mark when its first row is painted, and the bench checks the
  row accepts a click. Reported as the median of five.
`,
)
console.info('Wrote docs/benchmarks.md')
