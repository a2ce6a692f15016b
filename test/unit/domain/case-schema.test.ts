import { describe, expect, it } from 'vitest'
import { type Case, CaseFileSchema, CaseSchema, emptyCaseFile, PartySchema } from '../../../shared/domain'
import { nextSlaDueAt, stampDefaultSla } from '../../../shared/sla/default-targets'
import { analyst, caseFileFixture } from '../fixtures/case-files'

const validCase = (): Case => caseFileFixture(1).case

describe('case schema', () => {
  it('accepts a complete case', () => {
    expect(CaseSchema.parse(validCase())).toEqual(validCase())
  })

  it('rejects a malformed case number, an unknown severity and a local-time timestamp', () => {
    const result = CaseSchema.safeParse({
      ...validCase(),
      caseNumber: 'CR-26-1',
      severity: 'S5',
      createdAt: '2026-03-08 06:30',
    })
    expect(result.success).toBe(false)
    const paths = result.error?.issues.map((issue) => issue.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['caseNumber', 'severity', 'createdAt']))
  })

  it('rejects a party email that is not an address, but allows none', () => {
    const party = {
      id: 'p-1',
      caseId: 'case-1',
      role: 'customer',
      name: 'Dana Okafor',
      contact: { phone: '', email: '', address: '' },
      notes: '',
      createdAt: '2026-03-08T06:30:00.000Z',
      updatedAt: '2026-03-08T06:30:00.000Z',
    }
    expect(PartySchema.safeParse(party).success).toBe(true)
    expect(
      PartySchema.safeParse({ ...party, contact: { ...party.contact, email: 'dana at example' } }).success,
    ).toBe(false)
  })

  it('rejects a case file whose child record belongs to another case', () => {
    const file = emptyCaseFile(validCase())
    file.notes.push({
      id: 'n-1',
      caseId: 'another-case',
      body: 'Called the customer.',
      author: analyst,
      createdAt: '2026-03-08T07:00:00.000Z',
      updatedAt: '2026-03-08T07:00:00.000Z',
    })
    const result = CaseFileSchema.safeParse(file)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('belongs to case another-case, not case-1')
  })
})

describe('default SLA targets', () => {
  it('stamps first response and resolution due times from the severity', () => {
    expect(stampDefaultSla('S1', '2026-01-01T00:00:00.000Z')).toEqual({
      firstResponseDueAt: '2026-01-01T01:00:00.000Z',
      resolutionDueAt: '2026-01-02T00:00:00.000Z',
      firstRespondedAt: null,
      resolvedAt: null,
    })
    expect(stampDefaultSla('S4', '2026-01-01T00:00:00.000Z').resolutionDueAt).toBe('2026-01-15T00:00:00.000Z')
  })

  it('sorts by first response until it is given, then by resolution', () => {
    const sla = stampDefaultSla('S3', '2026-01-01T00:00:00.000Z')
    expect(nextSlaDueAt(sla)).toBe('2026-01-02T00:00:00.000Z')
    expect(nextSlaDueAt({ ...sla, firstRespondedAt: '2026-01-01T02:00:00.000Z' })).toBe(
      '2026-01-08T00:00:00.000Z',
    )
  })
})
