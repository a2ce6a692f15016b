// `npx tsx scripts/make-icon.ts`: renders build/icon.svg to the 1024×1024 build/icon.png that
// electron-builder turns into each platform's icon. Run again after changing the SVG.
import { readFileSync } from 'node:fs'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@web-host/chromium'
import { chromium } from 'playwright-core'

const svg = readFileSync('build/icon.svg', 'utf8')
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`,
)
await page.screenshot({ path: 'build/icon.png', omitBackground: true })
await browser.close()
console.info('Wrote build/icon.png')
