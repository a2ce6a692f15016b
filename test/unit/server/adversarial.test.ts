import { formatHlc, MAX_STAMP_AHEAD_MS } from '@shared/protocol/sync/hlc'
import type { Mutation, MutationResult } from '@shared/protocol/sync/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_DATABASES } from '../fixtures/server-databases'
import {
  type AuditRow,
  CASE_OF,
  contentOf,
  type Draft,
  type Member,
  openTeamServer,
  QUEUE_CASE,
  SERVER_NOW,
  type TeamServer,
  tombstoneOf,
  writeOf,
} from './hostile-analyst'
import { caseFile, caseRecord, LEAD_TEAM_SETTINGS, sha256Of, teamSettingValue } from './synced-records'

/**
 * Riley, an analyst signed in with her own account, sends the team server every forgery a modified
 * workstation could: team settings filed under her case, Sam's records claimed through her case,
 * stamps from the future, the lead's client id and mutation ids, evidence cited by its hash alone,
 * rewritten custody and audit lines, records moved between cases. Each is refused with its reason
 * and audited, and the lead's pull shows that nothing of anyone else's changed.
 */

const outcomes = (results: MutationResult[]) =>
  results.map((result) => (result.outcome === 'rejected' ? result.code : result.outcome))

const FAR_FUTURE = '999999999999999:9999:x'
const stampAt = (millis: number, node = 'riley-laptop') => formatHlc({ millis, counter: 0, node })

for (const backend of SERVER_DATABASES)
  describe(`a hostile analyst against the team server on ${backend.name}`, () => {
    let server: TeamServer
    const samsBytes = new TextEncoder().encode('[18:02] Shopper: I left it at the side door as asked\n')
    const samsHash = sha256Of(samsBytes)

    beforeAll(async () => {
      server = await openTeamServer(await backend.open())
      // Sam's own work on his case: a note, an exhibit whose bytes he uploads, its custody line.
      const sam = server.actor('sam')
      const filed = await server.push('sam', [
        ...['sam-note', 'sam-note-to-move'].map((id) =>
          writeOf(
            'note',
            id,
            CASE_OF.sam,
            caseRecord('note', { id, caseId: CASE_OF.sam, by: sam, words: 'Shopper called back' }),
            server.stamp('sam-laptop'),
          ),
        ),
        writeOf(
          'evidence',
          'sam-exhibit',
          CASE_OF.sam,
          {
            ...caseRecord('evidence', { id: 'sam-exhibit', caseId: CASE_OF.sam, by: sam, words: 'Chat log' }),
            sha256: samsHash,
          },
          server.stamp('sam-laptop'),
        ),
        writeOf(
          'custodyEvent',
          'sam-custody',
          CASE_OF.sam,
          caseRecord('custodyEvent', { id: 'sam-custody', caseId: CASE_OF.sam, by: sam, words: 'Imported' }),
          server.stamp('sam-laptop'),
        ),
      ])
      expect(outcomes(filed)).toEqual(['applied', 'applied', 'applied', 'applied'])
      expect((await server.putBlob('sam', samsHash, samsBytes)).statusCode).toBe(201)
      // Riley's first note on her own case (which also makes her workstation's id hers).
      const riley = server.actor('riley')
      const drafted = await server.push('riley', [
        writeOf(
          'note',
          'riley-note',
          CASE_OF.riley,
          caseRecord('note', { id: 'riley-note', caseId: CASE_OF.riley, by: riley, words: 'First draft' }),
          server.stamp('riley-laptop'),
        ),
      ])
      expect(outcomes(drafted)).toEqual(['applied'])
    })
    afterAll(() => server.close())

    /**
     * Riley's push: its results, after checking every refusal is audited as hers with its reason and
     * that, in the lead's pull, nothing changed but the records named in `mayChange`.
     */
    async function attack(drafts: Draft[], mayChange: string[] = [], member: Member = 'riley') {
      const before = await server.pullAll('lee')
      const { results, unaudited, unexplained } = await server.pushAudited(member, drafts)
      const after = await server.pullAll('lee')
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (key) =>
          !mayChange.includes(key) &&
          JSON.stringify(contentOf(before.get(key))) !== JSON.stringify(contentOf(after.get(key))),
      )
      expect({ unaudited, unexplained, changed }).toEqual({ unaudited: [], unexplained: [], changed: [] })
      for (const result of results) if (result.outcome === 'rejected') expect(result.reason).not.toBe('')
      return { results, after }
    }
    const reasonsOf = (results: MutationResult[]) =>
      results.map((result) => (result.outcome === 'rejected' ? result.reason : ''))

    it('cannot change a team setting by filing it under her own case, nor as itself, nor through its audit line', async () => {
      const riley = server.actor('riley')
      const settingsLine = (key: string): Draft =>
        writeOf(
          'auditEntry',
          `settings-line-${key}`,
          null,
          {
            id: `settings-line-${key}`,
            caseId: '',
            entity: 'settings',
            entityId: key,
            action: 'update',
            at: '2027-01-15T07:30:00.000Z',
            actor: riley,
            changes: [{ field: 'value', before: null, after: 1_000_000 }],
            summary: `Changed ${key}`,
          },
          server.stamp('riley-laptop'),
        )
      const drafts = LEAD_TEAM_SETTINGS.flatMap((key) => {
        const record = { key, value: key === 'approvalThreshold' ? 1_000_000 : teamSettingValue(key, riley) }
        return [
          writeOf('teamSetting', key, CASE_OF.riley, record, server.stamp('riley-laptop')),
          writeOf('teamSetting', key, null, record, server.stamp('riley-laptop')),
          tombstoneOf('teamSetting', key, CASE_OF.riley, server.stamp('riley-laptop')),
          tombstoneOf('teamSetting', key, null, server.stamp('riley-laptop')),
          settingsLine(key),
        ]
      })
      const { results } = await attack(drafts)
      expect(outcomes(results)).toEqual(
        LEAD_TEAM_SETTINGS.flatMap(() => ['invalid', 'forbidden', 'invalid', 'forbidden', 'forbidden']),
      )
      expect(reasonsOf(results).slice(0, 2)).toEqual([
        'A team setting belongs to no case.',
        expect.stringContaining('Only a lead or an admin changes the team’s settings'),
      ])

      // The shift handoff is every analyst's to write, as itself (and its audit line), never under a case.
      const handoff = { key: 'lastHandoff', value: teamSettingValue('lastHandoff', riley) }
      const { results: handoffResults } = await attack(
        [
          writeOf('teamSetting', 'lastHandoff', CASE_OF.riley, handoff, server.stamp('riley-laptop')),
          writeOf('teamSetting', 'lastHandoff', null, handoff, server.stamp('riley-laptop')),
          settingsLine('lastHandoff'),
        ],
        ['teamSetting/lastHandoff', 'auditEntry/settings-line-lastHandoff'],
      )
      expect(outcomes(handoffResults)).toEqual(['invalid', 'applied', 'applied'])
    })

    it('cannot reach Sam’s records through her own case, to rewrite or delete them', async () => {
      const riley = server.actor('riley')
      const stamp = () => server.stamp('riley-laptop')
      const drafts = (['note', 'evidence', 'custodyEvent'] as const).flatMap((entity) => {
        const id = `sam-${entity === 'custodyEvent' ? 'custody' : entity === 'evidence' ? 'exhibit' : 'note'}`
        const mine = caseRecord(entity, { id, caseId: CASE_OF.riley, by: riley, words: 'Taken over' })
        const his = caseRecord(entity, { id, caseId: CASE_OF.sam, by: riley, words: 'Taken over' })
        return [
          // The whole record, naming her case: a move out of Sam's case.
          writeOf(entity, id, CASE_OF.riley, mine, stamp()),
          // One field, travelling with her case but leaving the record's own case as stored.
          writeOf(
            entity,
            id,
            CASE_OF.riley,
            { [entity === 'note' ? 'body' : 'detail']: 'Taken over' },
            stamp(),
          ),
          // The record still naming Sam's case while travelling with hers.
          writeOf(entity, id, CASE_OF.riley, his, stamp()),
          tombstoneOf(entity, id, CASE_OF.riley, stamp()),
          tombstoneOf(entity, id, CASE_OF.sam, stamp()),
        ]
      })
      const { results, after } = await attack(drafts)
      // (the evidence record has no "detail" field: that write is not even a valid evidence record)
      expect(outcomes(results)).toEqual([
        ...['forbidden', 'invalid', 'invalid', 'invalid', 'forbidden'],
        ...['forbidden', 'invalid', 'invalid', 'invalid', 'forbidden'],
        // (a custody line once stored is never changed: refused before anything else about the write)
        ...['forbidden', 'forbidden', 'invalid', 'forbidden', 'forbidden'],
      ])
      expect(after.get('note/sam-note')?.fields.body?.value).toBe('Shopper called back')
      const rileySees = await server.pullAll('riley')
      expect(
        ['note/sam-note', 'evidence/sam-exhibit', 'custodyEvent/sam-custody'].filter((key) =>
          rileySees.has(key),
        ),
      ).toEqual([])
    })

    it('cannot poison a field’s clock with a stamp from the future', async () => {
      const riley = server.actor('riley')
      const note = (id: string, words: string, hlc: string) =>
        writeOf(
          'note',
          id,
          CASE_OF.riley,
          caseRecord('note', { id, caseId: CASE_OF.riley, by: riley, words }),
          hlc,
        )
      const dayAhead = stampAt(SERVER_NOW + 24 * 3600_000)
      const { results } = await attack([
        writeOf('note', 'riley-note', CASE_OF.riley, { body: 'Forever mine' }, FAR_FUTURE),
        writeOf('note', 'riley-note', CASE_OF.riley, { body: 'Tomorrow’s words' }, dayAhead),
        tombstoneOf('note', 'riley-note', CASE_OF.riley, dayAhead),
        {
          ...writeOf('note', 'riley-note', CASE_OF.riley, { body: 'Half now' }, server.stamp('riley-laptop')),
          fields: {
            body: { value: 'Half now', hlc: server.stamp('riley-laptop') },
            updatedAt: { value: '2027-01-16T07:00:00.000Z', hlc: dayAhead },
          },
        },
        note('riley-note-from-tomorrow', 'Written tomorrow', dayAhead),
        writeOf(
          'teamSetting',
          'lastHandoff',
          null,
          { key: 'lastHandoff', value: teamSettingValue('lastHandoff', riley) },
          dayAhead,
        ),
        note('riley-note-just-too-far', 'A fast clock', stampAt(SERVER_NOW + MAX_STAMP_AHEAD_MS + 1)),
      ])
      expect(outcomes(results)).toEqual(Array(7).fill('clock-ahead'))
      expect(reasonsOf(results)[1]).toContain('ahead of the team server’s clock')

      // Her next ordinary edit still wins: no stamp from the future holds the field.
      const { results: edited, after } = await attack(
        [
          writeOf(
            'note',
            'riley-note',
            CASE_OF.riley,
            { body: 'Second draft' },
            server.stamp('riley-laptop'),
          ),
          note(
            'riley-note-slightly-fast',
            'A clock within the allowance',
            stampAt(SERVER_NOW + MAX_STAMP_AHEAD_MS),
          ),
        ],
        ['note/riley-note', 'note/riley-note-slightly-fast'],
      )
      expect(outcomes(edited)).toEqual(['applied', 'applied'])
      expect(after.get('note/riley-note')?.fields.body?.value).toBe('Second draft')
      expect(after.get('note/riley-note')?.deleted).toBeNull()
    })

    it('cannot push under the lead’s or Sam’s client id, so the lead’s next mutations still apply', async () => {
      const riley = server.actor('riley')
      const pushRefusals = async (clientId: string) =>
        (
          await server.db.query<AuditRow>(
            "SELECT user_id, action, entity, entity_id, detail FROM server_audit WHERE action = 'push-refused' AND user_id = $1 AND detail = $2",
            [server.users.riley.id, `client id ${clientId}`],
          )
        ).rows.length
      const next = server.nextMutationId('lee')
      const squatting = (clientId: string, firstId: number): Mutation[] =>
        [0, 1, 2].map((offset) => ({
          ...writeOf(
            'note',
            `squatted-${clientId}-${offset}`,
            CASE_OF.riley,
            caseRecord('note', {
              id: `squatted-${clientId}-${offset}`,
              caseId: CASE_OF.riley,
              by: riley,
              words: 'Under another’s name',
            }),
            server.stamp(clientId),
          ),
          mutationId: firstId + offset,
        }))
      const before = await server.pullAll('lee')
      for (const [clientId, firstId] of [
        ['lee-laptop', next],
        ['sam-laptop', server.nextMutationId('sam')],
      ] as const) {
        const refusalsBefore = await pushRefusals(clientId)
        const results = await server.pushAs('riley', clientId, squatting(clientId, firstId))
        expect(outcomes(results)).toEqual(['client-id', 'client-id', 'client-id'])
        expect(reasonsOf(results)[0]).toContain('belongs to another account')
        expect(await pushRefusals(clientId)).toBe(refusalsBefore + 1)
      }
      const after = await server.pullAll('lee')
      expect([...after.keys()].filter((key) => !before.has(key))).toEqual([])

      // The lead's real changes, under the ids she tried to take, apply (and a retry is a duplicate).
      const lead = server.actor('lee')
      const real = [0, 1, 2].map((offset) =>
        writeOf(
          'note',
          `lead-note-${offset}`,
          CASE_OF.sam,
          caseRecord('note', { id: `lead-note-${offset}`, caseId: CASE_OF.sam, by: lead, words: 'Reviewed' }),
          server.stamp('lee-laptop'),
        ),
      )
      expect(server.nextMutationId('lee')).toBe(next)
      expect(outcomes(await server.push('lee', real))).toEqual(['applied', 'applied', 'applied'])
      const retry = real.map((draft, offset) => ({ ...draft, mutationId: next + offset }))
      expect(outcomes(await server.pushAs('lee', 'lee-laptop', retry))).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
      ])
      // Her own workstation's id is hers alone, too.
      expect(outcomes(await server.pushAs('lee', 'riley-laptop', retry))).toEqual([
        'client-id',
        'client-id',
        'client-id',
      ])
    })

    it('cannot read evidence bytes by citing their hash, only by showing she holds them', async () => {
      const riley = server.actor('riley')
      const blobRefusals = async (action: string) =>
        (await server.auditLines(action, [samsHash])).filter((row) => row.user_id === server.users.riley.id)
          .length
      const refusedRead = async () => {
        const before = await blobRefusals('blob-read-refused')
        const fetched = await server.getBlob('riley', samsHash)
        expect([fetched.statusCode, fetched.json().error]).toEqual([
          404,
          'No evidence you may read has these bytes.',
        ])
        expect(await blobRefusals('blob-read-refused')).toBe(before + 1)
      }
      await refusedRead()

      // She files exhibits on her own case: one of her own photo, one citing the hash of Sam's file.
      const exhibit = (id: string, sha256: string) =>
        writeOf(
          'evidence',
          id,
          CASE_OF.riley,
          {
            ...caseRecord('evidence', { id, caseId: CASE_OF.riley, by: riley, words: 'Chat log (copy)' }),
            sha256,
          },
          server.stamp('riley-laptop'),
        )
      const photo = new TextEncoder().encode('Riley’s photo of the side door\n')
      const { results } = await attack(
        [exhibit('riley-photo', sha256Of(photo)), exhibit('riley-cites-sam', samsHash)],
        ['evidence/riley-photo', 'evidence/riley-cites-sam'],
      )
      expect(outcomes(results)).toEqual(['applied', 'applied'])
      expect((await server.putBlob('riley', sha256Of(photo), photo)).statusCode).toBe(201)
      expect((await server.getBlob('riley', sha256Of(photo))).statusCode).toBe(200)
      // The citation is hers to file, but opens nothing: knowing a hash is not having the file ...
      await refusedRead()
      // ... nor does pointing the exhibit whose bytes she did send at Sam's hash.
      const { results: repointed } = await attack(
        [
          writeOf(
            'evidence',
            'riley-photo',
            CASE_OF.riley,
            { sha256: samsHash },
            server.stamp('riley-laptop'),
          ),
        ],
        ['evidence/riley-photo'],
      )
      expect(outcomes(repointed)).toEqual(['applied'])
      await refusedRead()
      const uploadRefusals = await blobRefusals('blob-upload-refused')
      const forged = Uint8Array.from(samsBytes)
      forged[1] = 0x30
      expect((await server.putBlob('riley', samsHash, forged)).statusCode).toBe(400)
      expect(await blobRefusals('blob-upload-refused')).toBe(uploadRefusals + 1)
      await refusedRead()

      // Sending the real bytes (the server hashes them) proves she holds them: now her exhibit opens.
      expect((await server.putBlob('riley', samsHash, samsBytes)).statusCode).toBe(200)
      const fetched = await server.getBlob('riley', samsHash)
      expect(fetched.statusCode).toBe(200)
      expect(new Uint8Array(fetched.rawPayload)).toEqual(samsBytes)
    })

    it('reads and sends evidence bytes only for the cases each role may work', async () => {
      const lead = server.actor('lee')
      const cases: [Member, string, boolean][] = []
      for (const member of ['riley', 'lee', 'ada'] as const)
        for (const [kind, caseId] of [
          ['own', CASE_OF[member]],
          ['other', CASE_OF.sam],
          ['unassigned', QUEUE_CASE],
        ] as const)
          cases.push([member, caseId, member !== 'riley' || kind !== 'other'])
      // The lead files an exhibit on each case and uploads its bytes, so its citation is vouched.
      const bytesOf = (caseId: string, member: Member) =>
        new TextEncoder().encode(`Exhibit on ${caseId} for ${member}\n`)
      const filed = await server.push(
        'lee',
        cases.map(([member, caseId]) => {
          const id = `exhibit-${member}-${caseId}`
          const record = caseRecord('evidence', { id, caseId, by: lead, words: 'Photo' })
          return writeOf(
            'evidence',
            id,
            caseId,
            { ...record, sha256: sha256Of(bytesOf(caseId, member)) },
            server.stamp(),
          )
        }),
      )
      expect(filed.every((result) => result.outcome === 'applied')).toBe(true)
      for (const [member, caseId] of cases)
        expect(
          (await server.putBlob('lee', sha256Of(bytesOf(caseId, member)), bytesOf(caseId, member)))
            .statusCode,
        ).toBe(201)
      for (const [member, caseId, allowed] of cases) {
        const hash = sha256Of(bytesOf(caseId, member))
        const refusals = async () =>
          (await server.auditLines('blob-read-refused', [hash])).length +
          (await server.auditLines('blob-upload-refused', [hash])).length
        const before = await refusals()
        const read = await server.getBlob(member, hash)
        const sent = await server.putBlob(member, hash, bytesOf(caseId, member))
        expect([member, caseId, read.statusCode, sent.statusCode]).toEqual(
          allowed ? [member, caseId, 200, 200] : [member, caseId, 404, 404],
        )
        expect(await refusals()).toBe(before + (allowed ? 0 : 2))
      }
    })

    it('cannot rewrite or delete the custody, audit or report text lines of her own case; a re-send is harmless', async () => {
      const riley = server.actor('riley')
      const lines = (['custodyEvent', 'auditEntry', 'reportUpdate'] as const).map((entity) => {
        const id = `riley-${entity}`
        return {
          entity,
          id,
          record: caseRecord(entity, { id, caseId: CASE_OF.riley, by: riley, words: 'As it happened' }),
        }
      })
      const stamp = () => server.stamp('riley-laptop')
      const written = await server.push(
        'riley',
        lines.map(({ entity, id, record }) => writeOf(entity, id, CASE_OF.riley, record, stamp())),
      )
      expect(outcomes(written)).toEqual(['applied', 'applied', 'applied'])
      const before = await server.pullAll('lee')

      const rewrites = lines.flatMap(({ entity, id }) => {
        const changed = caseRecord(entity, {
          id,
          caseId: CASE_OF.riley,
          by: riley,
          words: 'As I wish it had',
        })
        const oneField = entity === 'auditEntry' ? 'summary' : entity === 'custodyEvent' ? 'detail' : 'update'
        return [
          writeOf(entity, id, CASE_OF.riley, changed, stamp()),
          writeOf(entity, id, CASE_OF.riley, { [oneField]: changed[oneField] }, stamp()),
          tombstoneOf(entity, id, CASE_OF.riley, stamp()),
          // Moved to the queue case, where she may write too: still a change of the line.
          writeOf(entity, id, QUEUE_CASE, { ...changed, caseId: QUEUE_CASE }, stamp()),
        ]
      })
      const { results } = await attack(rewrites)
      expect(outcomes(results)).toEqual(Array(12).fill('forbidden'))
      // Not even the lead rewrites one.
      const { results: leads } = await attack(
        rewrites.slice(0, 3).map((draft) => ({ ...draft })),
        [],
        'lee',
      )
      expect(outcomes(leads)).toEqual(['forbidden', 'forbidden', 'forbidden'])

      // Her workstation re-sending a line as it is (a retry) is accepted and changes nothing it says.
      const { results: resent, after } = await attack(
        lines.map(({ entity, id, record }) => writeOf(entity, id, CASE_OF.riley, record, stamp())),
        lines.map(({ entity, id }) => `${entity}/${id}`),
      )
      expect(outcomes(resent)).toEqual(['applied', 'applied', 'applied'])
      for (const { entity, id } of lines) {
        const values = (key: string, pulled: typeof after) =>
          Object.fromEntries(
            Object.entries(pulled.get(key)?.fields ?? {}).map(([name, write]) => [name, write.value]),
          )
        expect(values(`${entity}/${id}`, after)).toEqual(values(`${entity}/${id}`, before))
        expect(after.get(`${entity}/${id}`)?.deleted).toBeNull()
      }
    })

    it('moves a record only between cases she may write both of; the lead moves any', async () => {
      const riley = server.actor('riley')
      const mine = (id: string, caseId: string) =>
        caseRecord('note', { id, caseId, by: riley, words: 'Belongs elsewhere' })
      const filed = await server.push('riley', [
        writeOf(
          'note',
          'riley-note-to-move',
          CASE_OF.riley,
          mine('riley-note-to-move', CASE_OF.riley),
          server.stamp(),
        ),
      ])
      expect(outcomes(filed)).toEqual(['applied'])
      const { results, after } = await attack(
        [
          // Into Sam's case: his case is not hers to write.
          writeOf(
            'note',
            'riley-note-to-move',
            CASE_OF.sam,
            mine('riley-note-to-move', CASE_OF.sam),
            server.stamp(),
          ),
          writeOf('note', 'riley-note-to-move', CASE_OF.sam, { caseId: CASE_OF.sam }, server.stamp()),
          // Out of Sam's case into hers.
          writeOf('note', 'sam-note-to-move', CASE_OF.riley, { caseId: CASE_OF.riley }, server.stamp()),
          // Into the unassigned queue: both cases are hers to write.
          writeOf('note', 'riley-note-to-move', QUEUE_CASE, { caseId: QUEUE_CASE }, server.stamp()),
        ],
        ['note/riley-note-to-move'],
      )
      expect(outcomes(results)).toEqual(['forbidden', 'forbidden', 'forbidden', 'applied'])
      expect(after.get('note/riley-note-to-move')?.caseId).toBe(QUEUE_CASE)
      expect(after.get('note/sam-note-to-move')?.caseId).toBe(CASE_OF.sam)

      const { results: leads, after: moved } = await attack(
        [writeOf('note', 'sam-note-to-move', CASE_OF.riley, { caseId: CASE_OF.riley }, server.stamp())],
        ['note/sam-note-to-move'],
        'lee',
      )
      expect(outcomes(leads)).toEqual(['applied'])
      expect(moved.get('note/sam-note-to-move')?.caseId).toBe(CASE_OF.riley)
      expect((await server.pullAll('riley')).has('note/sam-note-to-move')).toBe(true)
    })

    it('cannot assign cases, approve outcomes, nor write to a case the server does not hold', async () => {
      const riley = server.actor('riley')
      const stamp = () => server.stamp('riley-laptop')
      const determination = (id: string, approver: { id: string; name: string } | null) => ({
        ...caseRecord('determination', { id, caseId: CASE_OF.riley, by: riley, words: 'Shopper at fault' }),
        outcome: { kind: 'permanent_deactivation' },
        approval: approver && { approver, at: '2027-01-15T07:30:00.000Z', note: 'Approved' },
      })
      const { results } = await attack(
        [
          writeOf(
            'note',
            'note-on-no-case',
            'case-nobody-has',
            caseRecord('note', {
              id: 'note-on-no-case',
              caseId: 'case-nobody-has',
              by: riley,
              words: 'Hello',
            }),
            stamp(),
          ),
          writeOf(
            'case',
            'case-for-sam',
            'case-for-sam',
            caseFile('case-for-sam', server.actor('sam'), 'For Sam', riley),
            stamp(),
          ),
          writeOf('case', CASE_OF.riley, CASE_OF.riley, { assigneeId: server.users.sam.id }, stamp()),
          writeOf('case', CASE_OF.sam, CASE_OF.sam, { assigneeId: riley.id }, stamp()),
          writeOf(
            'case',
            'case-in-disguise',
            CASE_OF.riley,
            caseFile('case-in-disguise', riley, 'Disguised', riley),
            stamp(),
          ),
          writeOf(
            'determination',
            'riley-approval',
            CASE_OF.riley,
            determination('riley-approval', riley),
            stamp(),
          ),
          writeOf('note', 'riley-alias', CASE_OF.riley, { id: 'sam-note', body: 'Aliased' }, stamp()),
        ],
        [],
      )
      expect(outcomes(results)).toEqual([
        'forbidden',
        'forbidden',
        'forbidden',
        'forbidden',
        'invalid',
        'forbidden',
        'invalid',
      ])
      // A lead approves, under the lead's own account only; an analyst may open a case of her own.
      const lead = server.actor('lee')
      const { results: approvals } = await attack(
        [
          writeOf(
            'determination',
            'lead-approval-as-ada',
            CASE_OF.riley,
            determination('lead-approval-as-ada', server.actor('ada')),
            server.stamp(),
          ),
          writeOf(
            'determination',
            'lead-approval',
            CASE_OF.riley,
            determination('lead-approval', lead),
            server.stamp(),
          ),
        ],
        ['determination/lead-approval'],
        'lee',
      )
      expect(outcomes(approvals)).toEqual(['forbidden', 'applied'])
      const { results: opened } = await attack(
        [
          writeOf(
            'case',
            'case-riley-opens',
            'case-riley-opens',
            caseFile('case-riley-opens', riley, 'Mine', riley),
            stamp(),
          ),
        ],
        ['case/case-riley-opens'],
      )
      expect(outcomes(opened)).toEqual(['applied'])
    })
  })
