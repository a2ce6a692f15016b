// `npm run start:web`: serves the built renderer as the web host on http://127.0.0.1:<port>.
import { parseArgs } from 'node:util'
import { startWebHost } from './web-host-server'

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '4820' } } })
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`)
  process.exit(2)
}

const host = await startWebHost({ port })
console.info(`Critical Response Workstation (web host) is running at ${host.url}`)
console.info('Press Ctrl+C to stop.')
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    host.close().then(() => process.exit(0))
  })
}
