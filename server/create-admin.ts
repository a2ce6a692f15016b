// `npm run server:create-admin -- --username lee --name "Lee Park"` with the password on standard
// input: creates a server account with the admin role (the first one, or another later).
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { AccountError, createAccounts } from './accounts'
import { openServerDatabase } from './open-database'

const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } })
if (!values.username || !values.name) {
  console.error(
    'Usage: echo "<password>" | npm run server:create-admin -- --username <name> --name "<display name>"',
  )
  process.exit(2)
}
const lines = createInterface({ input: process.stdin })
const password = await new Promise<string>((resolve) => {
  lines.once('line', (line) => resolve(line))
  lines.once('close', () => resolve(''))
})
lines.close()
const { db, where } = await openServerDatabase(process.env)
try {
  const user = await createAccounts(db, () => new Date()).createUser(
    { username: values.username, displayName: values.name, role: 'admin', password },
    null,
  )
  console.info(`Created admin ${user.username} in ${where}.`)
} catch (error) {
  console.error(error instanceof AccountError ? error.message : String(error))
  process.exitCode = 1
} finally {
  await db.close()
}
