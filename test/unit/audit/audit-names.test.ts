import { auditNames, entrySubject, showChanges, showValue } from '@features/case/audit-names'
import type { AuditEntry } from '@shared/domain'
import { describe, expect, it } from 'vitest'

const CASE_ID = '0b6f4a52-6f0e-4d0a-9a37-9d3c2a1f0c11'
const DANA = '6a1c2e0f-3b7d-4c55-8f2e-2f0a9d1b7e21'
const SAM = 'c3e7a9d1-52f4-4e0b-b1a8-74d2e6f09a33'
const LEE = '9f2d6b81-0c4e-4a7b-8e35-1b6a2c9d4f45'
const PHOTO = 'e1a7c3f9-8b2d-4f60-9c14-5d3e7a0b2c57'
const CHAT = 'f4b8d2e6-1a9c-4e73-b5f0-6c2a8d4e1f69'
const TASK = '2d9e5f1a-7c3b-4d86-a0e2-8f4b6c1d3a7b'
const NOTE = '7b3f9a1d-5e2c-4b98-8d06-3a1e5c7f9b8d'

const riley = { id: 'analyst-017', name: 'Riley Chen' }

function entry(
  partial: Partial<AuditEntry> & Pick<AuditEntry, 'entity' | 'entityId' | 'summary'>,
): AuditEntry {
  return {
    id: crypto.randomUUID(),
    caseId: CASE_ID,
    action: 'update',
    at: '2026-03-08T08:00:00.000Z',
    actor: riley,
    changes: [],
    ...partial,
  }
}

// Newest first, as the audit tab reads them.
const entries: AuditEntry[] = [
  entry({
    entity: 'party',
    entityId: LEE,
    action: 'delete',
    summary: 'Removed witness Lee Parker',
    changes: [
      { field: 'id', before: LEE, after: null },
      { field: 'name', before: 'Lee Parker', after: null },
    ],
  }),
  entry({
    entity: 'party',
    entityId: LEE,
    action: 'create',
    summary: 'Added witness Lee Park',
    changes: [
      { field: 'id', before: null, after: LEE },
      { field: 'caseId', before: null, after: CASE_ID },
      { field: 'name', before: null, after: 'Lee Park' },
    ],
  }),
  entry({
    entity: 'case',
    entityId: CASE_ID,
    summary: 'Updated case CR-2026-000123',
    actor: { id: 'analyst-042', name: 'Sam Ortiz' },
    changes: [
      { field: 'assigneeId', before: '', after: 'analyst-017' },
      { field: 'assigneeName', before: '', after: 'Riley Chen' },
    ],
  }),
]

const names = auditNames({
  case: { id: CASE_ID, caseNumber: 'CR-2026-000123', assigneeId: 'analyst-017', assigneeName: 'Riley Chen' },
  records: {
    party: [
      { id: DANA, name: 'Dana Okafor', role: 'customer' },
      { id: SAM, name: 'Sam\u202Ezeur', role: 'shopper' },
    ],
    evidence: [
      { id: PHOTO, exhibitNumber: 1, originalName: 'IMG_0412.jpg' },
      { id: CHAT, exhibitNumber: 2, originalName: 'order-chat.csv' },
    ],
    task: [{ id: TASK, title: 'Request the doorbell video' }],
    note: [
      {
        id: NOTE,
        body: 'Shopper sounded shaken on the phone;\n offer the safety line and call back tomorrow morning.',
      },
    ],
    determination: [{ id: 'det-1', partyId: SAM }],
  },
  entries,
})

describe('what the audit tab calls an id', () => {
  it('names each record of the case by what it is', () => {
    expect(names.get(CASE_ID)).toBe('CR-2026-000123')
    expect(names.get(DANA)).toBe('Dana Okafor')
    expect(names.get(PHOTO)).toBe('E-1')
    expect(names.get(TASK)).toBe('“Request the doorbell video”')
    expect(names.get(NOTE)).toBe('“Shopper sounded shaken on the phone; offer the safety line…”')
    expect(names.get('det-1')).toBe('for Sam_zeur')
  })

  it('names a removed record by its last logged values, and analysts by name', () => {
    expect(names.get(LEE)).toBe('Lee Parker')
    expect(names.get('analyst-017')).toBe('Riley Chen')
    expect(names.get('analyst-042')).toBe('Sam Ortiz')
  })

  it('shows a party name with its direction override replaced', () => {
    expect(names.get(SAM)).toBe('Sam_zeur')
    expect(showValue('Lee\u202Ekrap', names, 'name')).toEqual(['Lee_krap'])
    expect(showValue('invoice\u202Egpj.exe', names, 'originalName')).toEqual(['invoice_gpj.exe'])
    expect(showValue({ id: 'analyst-9', name: 'Eve\u202Eevil' }, names)).toEqual([
      { name: 'Eve_evil', id: 'analyst-9' },
    ])
  })
})

describe('a field value in the audit tab', () => {
  it('shows ids by name with the id kept, in id fields only', () => {
    expect(showValue(CASE_ID, names, 'caseId')).toEqual([{ name: 'CR-2026-000123', id: CASE_ID }])
    expect(showValue(DANA, names, 'sourcePartyId')).toEqual([{ name: 'Dana Okafor', id: DANA }])
    // A title that happens to hold an id's text is words, not a reference.
    expect(showValue(DANA, names, 'title')).toEqual([DANA])
    // An id nothing on this workstation names stays as it is.
    expect(showValue('5d0c1e2f-0000-4000-8000-000000000000', names, 'partyId')).toEqual([
      '5d0c1e2f-0000-4000-8000-000000000000',
    ])
    expect(showValue('ORD-5520001', names, 'orderId')).toEqual(['ORD-5520001'])
    expect(showValue('', names, 'partyId')).toEqual(['∅'])
  })

  it('names the ids inside lists and nested records, and the parties and exhibits of a claim', () => {
    expect(showValue([PHOTO, CHAT], names, 'evidenceIds')).toEqual([
      '[',
      { name: 'E-1', id: PHOTO },
      ', ',
      { name: 'E-2', id: CHAT },
      ']',
    ])
    expect(
      showValue([{ statement: 'Hit the mailbox', evidenceIds: [PHOTO], standard: 'confirmed' }], names),
    ).toEqual([
      '[{statement: "Hit the mailbox", evidenceIds: [',
      { name: 'E-1', id: PHOTO },
      '], standard: "confirmed"}]',
    ])
    expect(
      showValue({ [`party:${DANA}`]: { stance: 'supports', note: '' }, [`evidence:${CHAT}`]: null }, names),
    ).toEqual([
      '{',
      { name: 'party Dana Okafor', id: `party:${DANA}` },
      ': {stance: "supports", note: ""}, ',
      { name: 'evidence E-2', id: `evidence:${CHAT}` },
      ': ∅}',
    ])
    expect(showValue({ at: '2026-03-08', by: riley, reason: 'Duplicate' }, names, 'removed')).toEqual([
      '{at: "2026-03-08", by: ',
      { name: 'Riley Chen', id: 'analyst-017' },
      ', reason: "Duplicate"}',
    ])
  })

  it('shows the assignee as one line by name, and leaves out the record’s own id', () => {
    expect(showChanges(entries[2]!, names)).toEqual([
      { field: 'assigneeName', before: ['∅'], after: [{ name: 'Riley Chen', id: 'analyst-017' }] },
    ])
    expect(showChanges(entries[1]!, names)).toEqual([
      { field: 'caseId', before: ['∅'], after: [{ name: 'CR-2026-000123', id: CASE_ID }] },
      { field: 'name', before: ['∅'], after: ['Lee Park'] },
    ])
  })
})

describe('the record an audit entry is about', () => {
  it('is named unless the summary already names it', () => {
    expect(entrySubject(entries[0]!, names)).toBeUndefined()
    expect(
      entrySubject(
        entry({ entity: 'task', entityId: TASK, summary: 'Changed task "Request the doorbell video"' }),
        names,
      ),
    ).toBeUndefined()
    expect(entrySubject(entry({ entity: 'note', entityId: NOTE, summary: 'Added a note' }), names)).toEqual({
      label: 'Note “Shopper sounded shaken on the phone; offer the safety line…”',
      id: NOTE,
    })
    expect(
      entrySubject(
        entry({ entity: 'evidence', entityId: CHAT, summary: 'Re-verified the stored bytes' }),
        names,
      ),
    ).toEqual({ label: 'Exhibit E-2', id: CHAT })
  })
})
