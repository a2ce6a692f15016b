import type { Claim } from '@shared/domain'
import {
  claimStanding,
  corroborationSources,
  corroborationTable,
  findingFromClaim,
} from '@shared/rules/verification/corroboration'
import { describe, expect, it } from 'vitest'
import { records, reportParty, reportPhoto } from '../fixtures/report'

const sources = corroborationSources({ ...records, orders: [] })
const claim = (cells: Claim['cells'], text = 'The shopper hit the mailbox'): Claim => ({
  id: `claim-${text}`,
  caseId: records.case.id,
  text,
  position: 1,
  cells,
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
})
const party = `party:${reportParty.id}`
const photo = `evidence:${reportPhoto.id}`

describe('the corroboration matrix', () => {
  it('has a column per party statement, per exhibit and per order', () => {
    expect(sources.map((source) => source.label)).toEqual([
      'Luis Ortega (shopper) statement',
      'E-1 mailbox.jpg',
    ])
  })

  it('suggests a standard from what the sources say', () => {
    expect(claimStanding(claim({}), sources).standard).toBe('unsubstantiated')
    expect(claimStanding(claim({ [photo]: { stance: 'supports', note: '' } }), sources).standard).toBe(
      'more_likely_than_not',
    )
    const both = {
      [photo]: { stance: 'supports', note: '' },
      [party]: { stance: 'supports', note: '' },
    } as const
    expect(claimStanding(claim(both), sources).standard).toBe('confirmed')
    const disputed = {
      [photo]: { stance: 'supports', note: '' },
      [party]: { stance: 'contradicts', note: 'denies it' },
    } as const
    expect(claimStanding(claim(disputed), sources)).toEqual({
      supports: 1,
      contradicts: 1,
      standard: 'unsubstantiated',
    })
  })

  it('feeds a finding: the claim, the exhibits that support it, the standard', () => {
    const supported = claim({
      [photo]: { stance: 'supports', note: 'dent visible' },
      [party]: { stance: 'supports', note: '' },
    })
    expect(findingFromClaim(supported, sources)).toEqual({
      statement: 'The shopper hit the mailbox',
      evidenceIds: [reportPhoto.id],
      standard: 'confirmed',
    })
  })

  it('prints as a table, silent cells included, notes after the stance', () => {
    const table = corroborationTable(
      [
        claim({ [photo]: { stance: 'supports', note: 'dent visible' } }),
        { ...claim({}, 'The customer was home'), position: 0 },
      ],
      sources,
    )
    expect(table.columns).toEqual(['Claim', 'Luis Ortega (shopper) statement', 'E-1 mailbox.jpg'])
    expect(table.rows).toEqual([
      ['The customer was home', 'Silent', 'Silent'],
      ['The shopper hit the mailbox', 'Silent', 'Supports: dent visible'],
    ])
  })
})
