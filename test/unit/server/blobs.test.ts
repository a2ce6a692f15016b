import { createHash } from 'node:crypto'
import type { Mutation } from '@shared/protocol/sync/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, SERVER_DATABASES } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'

const password = 'a long enough password'
const bytes = new TextEncoder().encode('[18:02] Shopper: the customer shouted at me through the door\n')
const sha256 = createHash('sha256').update(bytes).digest('hex')
const hlc = '001800000000000:0000:lee-laptop'

for (const backend of SERVER_DATABASES)
  describe(`evidence bytes on ${backend.name}`, () => {
    const database = databasePerTest(backend)
    let server: TestServer
    let app: TestServer['app']
    const tokens: Record<string, string> = {}
    beforeEach(async () => {
      // The server's clock reads the fixtures' time, so their stamps are not from the future.
      server = await startTestServer(database.db, { syncNow: () => 1_800_000_000_000 })
      app = server.app
      const { accounts, sync } = server
      const lead = await accounts.createUser(
        { username: 'lee', displayName: 'Lee Park', role: 'lead', password },
        null,
      )
      await accounts.createUser(
        { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
        null,
      )
      await accounts.createUser(
        { username: 'sam', displayName: 'Sam Ortiz', role: 'analyst', password },
        null,
      )
      for (const username of ['lee', 'riley', 'sam'])
        tokens[username] = (
          await app.inject({ method: 'POST', url: '/v1/sessions', payload: { username, password } })
        ).json().token
      // A case assigned to Riley with one exhibit citing the bytes.
      const riley = (await accounts.team()).find((member) => member.username === 'riley')!
      const write = (
        mutationId: number,
        entity: Mutation['entity'],
        entityId: string,
        fields: Record<string, unknown>,
      ): Mutation => ({
        mutationId,
        entity,
        entityId,
        caseId: 'case-1',
        fields: Object.fromEntries(
          Object.entries(fields).map(([name, value]) => [name, { value: value as never, hlc }]),
        ),
        deleted: null,
      })
      await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [write(1, 'case', 'case-1', { title: 'Threat at the door', assigneeId: riley.id })],
      })
      // Riley imported the file: the exhibit is hers, and so is sending its bytes.
      await sync.push(riley, {
        clientId: 'riley-laptop',
        mutations: [write(1, 'evidence', 'evidence-1', { sha256, caseId: 'case-1' })],
      })
    })
    afterEach(() => server.close())

    const put = (user: string | null, hash: string, body: Uint8Array) =>
      app.inject({
        method: 'PUT',
        url: `/v1/blobs/${hash}`,
        headers: {
          'content-type': 'application/octet-stream',
          ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
        },
        payload: Buffer.from(body),
      })
    const get = (user: string, hash: string) =>
      app.inject({
        method: 'GET',
        url: `/v1/blobs/${hash}`,
        headers: { authorization: `Bearer ${tokens[user]}` },
      })

    it('stores bytes only under their own SHA-256 and gives them back to those who may read the exhibit', async () => {
      const changed = Uint8Array.from(bytes)
      changed[0] = 0x7b
      const tampered = await put('riley', sha256, changed)
      expect([tampered.statusCode, tampered.json().error]).toEqual([
        400,
        'The bytes do not match their SHA-256: nothing was stored.',
      ])
      expect((await get('riley', sha256)).statusCode).toBe(404)

      expect((await put('riley', sha256, bytes)).statusCode).toBe(201)
      expect((await put('riley', sha256, bytes)).statusCode).toBe(200)
      const fetched = await get('lee', sha256)
      expect(fetched.statusCode).toBe(200)
      expect(new Uint8Array(fetched.rawPayload)).toEqual(bytes)
    })

    it('refuses other analysts, unknown hashes, malformed names and anyone signed out', async () => {
      await put('riley', sha256, bytes)
      expect((await get('sam', sha256)).statusCode).toBe(404)
      expect((await put('sam', sha256, bytes)).statusCode).toBe(404)
      expect((await get('lee', 'f'.repeat(64))).statusCode).toBe(404)
      expect((await get('lee', 'not-a-hash')).statusCode).toBe(400)
      expect((await put(null, sha256, bytes)).statusCode).toBe(401)
    })
  })
