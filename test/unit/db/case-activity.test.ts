import { createWorkstationDatabase } from '@db/database'
import type { AuditEntry, Note } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest('2026-11-24T10:00:00.000Z')
const at = (minutes: number) =>
  new Date(Date.parse('2026-11-24T10:00:00.000Z') + minutes * 60_000).toISOString()

const note = (caseId: string, body: string, when: string): Note => ({
  id: crypto.randomUUID(),
  caseId,
  body,
  author: analyst,
  createdAt: when,
  updatedAt: when,
})

/** Two cases, the older first: the newer one heads "most recently updated" until the older is worked. */
async function twoCases() {
  const older = await openBareCase(ws, 'Mailbox knocked over')
  ws.clock = at(5)
  const newer = await openBareCase(ws, 'Dog bite at the door')
  expect((await ws.repositories.cases.queueCaseIds())[0]).toBe(newer.id)
  return { older, newer }
}

const updatedAt = async (caseId: string) => (await ws.repositories.cases.get(caseId))?.updatedAt

describe('a case’s last update follows the work on its records', () => {
  it('moves a case to the top of "most recently updated" when a note is added', async () => {
    const { older } = await twoCases()
    ws.clock = at(30)
    await ws.repositories.notes.add(note(older.id, 'Called the customer back', at(30)), analyst)
    expect(await updatedAt(older.id)).toBe(at(30))
    expect((await ws.repositories.cases.queueCaseIds())[0]).toBe(older.id)
    expect((await ws.repositories.cases.queueCaseIds(1))[0]).toBe(older.id)
  })

  it('counts tasks, communications, parties and the report’s text, each at its own time', async () => {
    const { older } = await twoCases()
    const { tasks, communications, parties, reports } = ws.repositories
    const [task] = await tasks.listForCase(older.id)
    ws.clock = at(10)
    await tasks.setDone(task!.id, true, analyst)
    expect(await updatedAt(older.id)).toBe(at(10))
    ws.clock = at(20)
    await communications.log(
      {
        caseId: older.id,
        partyId: null,
        channel: 'phone',
        direction: 'outbound',
        occurredAt: at(15),
        durationSeconds: 300,
        outcome: 'reached',
        subject: '',
        body: 'Customer confirmed the damage.',
        templateId: null,
      },
      null,
      analyst,
    )
    expect(await updatedAt(older.id)).toBe(at(20))
    ws.clock = at(25)
    const party = await parties.add(
      {
        id: crypto.randomUUID(),
        caseId: older.id,
        role: 'witness',
        name: 'Ana Ruiz',
        contact: { phone: '', email: '', address: '' },
        notes: '',
        createdAt: at(25),
        updatedAt: at(25),
      },
      analyst,
    )
    expect(await updatedAt(older.id)).toBe(at(25))
    ws.clock = at(30)
    await parties.remove(party.id, analyst)
    expect(await updatedAt(older.id)).toBe(at(30))
    ws.clock = at(40)
    const report = await reports.create(
      {
        caseId: older.id,
        title: 'Investigation report',
        templateId: 'general',
        body: { type: 'doc', content: [] },
      },
      analyst,
    )
    expect(await updatedAt(older.id)).toBe(at(40))
    // Typing in the report is saved without an audit line; it is work on the case all the same.
    ws.clock = at(45)
    await reports.saveBody(report.id, {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Summary' }] }],
    })
    expect(await updatedAt(older.id)).toBe(at(45))
  })

  it('never moves a case back', async () => {
    const { older } = await twoCases()
    ws.clock = at(30)
    await ws.repositories.notes.add(note(older.id, 'Latest', at(30)), analyst)
    ws.clock = at(20)
    await ws.repositories.notes.add(note(older.id, 'Entered with an earlier clock', at(20)), analyst)
    expect(await updatedAt(older.id)).toBe(at(30))
  })

  it('keeps an imported case’s own last update: arriving is not a change', async () => {
    ws.clock = at(90)
    const file = caseFileFixture(4, { updatedAt: at(-600) })
    await ws.repositories.caseFiles.importCaseFiles(
      { caseFiles: [file], evidenceFiles: new Map() },
      analyst,
      at(90),
    )
    expect(await updatedAt(file.case.id)).toBe(at(-600))
  })

  it('moves a case for a pulled change on a connection without capture, at the change’s time', async () => {
    const { older } = await twoCases()
    // The sync worker's own connection to the same database, as it writes pulled records.
    const worker = createWorkstationDatabase(ws.db.name)
    try {
      const pulled = note(older.id, 'Written on another workstation', at(12))
      const line: AuditEntry = {
        id: crypto.randomUUID(),
        caseId: older.id,
        entity: 'note',
        entityId: pulled.id,
        action: 'create',
        at: at(12),
        actor: { id: 'analyst-099', name: 'Sam Ortiz' },
        changes: [],
        summary: 'Added a note',
      }
      await worker.transaction('rw', [worker.notes, worker.auditEntries], async () => {
        await worker.notes.put(pulled)
        await worker.auditEntries.put(line)
      })
      expect(await updatedAt(older.id)).toBe(at(12))
      expect(await ws.db.syncOutbox.count()).toBe(0)
    } finally {
      worker.close()
    }
  })
})
