// `npm run server:create-admin -- --username lee --name "Lee Park"` with the password on standard
// input: creates a server account with the admin role (the first one, or another later). On
// PostgreSQL (DATABASE_URL) it works while servers run; on the embedded database it refuses while
// the server has DATA_DIR open (PGlite is single-process), and says how to add the admin instead.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { AccountError, createAccounts } from './accounts'
import { CREATE_ADMIN, DataDirInUseError, TEAM_SERVER } from './db/data-dir-lock'
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

const opened = await openServerDatabase(process.env, CREATE_ADMIN).catch((error: unknown) => {
  if (!(error instanceof DataDirInUseError)) throw error
  if (error.by.holder !== TEAM_SERVER) {
    console.error(`${error.message} Try again when it has finished.`)
    process.exit(1)
  }
  const server = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 4900}`
  const account = {
    username: values.username,
    displayName: values.name,
    role: 'admin',
    password: '<password>',
  }
  console.error(
    [
      `The server is running on this data directory (${error.dataDir}, pid ${error.by.pid}): stop it first,`,
      "or create the account with an admin's token (from POST /v1/sessions):",
      `  curl -X POST ${server}/v1/users -H "Authorization: Bearer <token>" -H "Content-Type: application/json" -d '${JSON.stringify(account)}'`,
    ].join('\n'),
  )
  process.exit(1)
})
const { db, where } = opened
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
