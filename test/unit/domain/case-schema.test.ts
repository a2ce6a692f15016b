import { type Case, CaseFileSchema, CaseSchema, emptyCaseFile, PartySchema } from '@shared/domain'
import { describe, expect, it } from 'vitest'
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
