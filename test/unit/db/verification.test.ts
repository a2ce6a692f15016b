import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

describe('party verification', () => {
  it('keeps contact attempts in time order, audited, and in the case bundle', async () => {
    const record = await openBareCase(ws, 'Mailbox')
    const attempt = (at: string, outcome: 'no_answer' | 'statement_taken') =>
      ws.repositories.contactAttempts.add(
        {
          id: crypto.randomUUID(),
          caseId: record.id,
          partyId: 'p-1',
          channel: 'phone',
          at,
          outcome,
          note: '',
          recordedBy: analyst,
        },
        analyst,
      )
    await attempt('2026-11-24T12:00:00.000Z', 'statement_taken')
    await attempt('2026-11-24T11:00:00.000Z', 'no_answer')
    expect((await ws.repositories.contactAttempts.listForCase(record.id)).map((a) => a.outcome)).toEqual([
      'no_answer',
      'statement_taken',
    ])
    const audit = await ws.repositories.audit.listForCase(record.id)
    expect(audit.map((entry) => entry.summary)).toContain('Added contact attempt (phone, no answer)')
    const { caseFiles } = await ws.repositories.caseFiles.exportCaseFiles([record.id])
    expect(caseFiles[0]!.contactAttempts).toHaveLength(2)
  })

  it('keeps claims in order with a cell per source; a silent cell without a note is cleared', async () => {
    const record = await openBareCase(ws, 'Mailbox')
    const first = await ws.repositories.claims.add(record.id, 'The shopper hit the mailbox', analyst)
    await ws.repositories.claims.add(record.id, 'The customer was home', analyst)
    await ws.repositories.claims.setCell(
      first.id,
      'evidence:e-1',
      { stance: 'supports', note: 'dent' },
      analyst,
    )
    await ws.repositories.claims.setCell(first.id, 'party:p-1', { stance: 'contradicts', note: '' }, analyst)
    await ws.repositories.claims.setCell(first.id, 'party:p-1', { stance: 'silent', note: '' }, analyst)
    const claims = await ws.repositories.claims.listForCase(record.id)
    expect(claims.map((claim) => claim.text)).toEqual([
      'The shopper hit the mailbox',
      'The customer was home',
    ])
    expect(claims[0]!.cells).toEqual({ 'evidence:e-1': { stance: 'supports', note: 'dent' } })
    await expect(
      ws.repositories.claims.setCell(first.id, 'nonsense', { stance: 'supports', note: '' }, analyst),
    ).rejects.toThrow()
  })
})
