import type { DecisionFactsRow } from '@shared/rules/metrics/fact-rows'
import {
  decisionsFromLedger,
  ledgerRevisions,
  ledgerRows,
  reviseLedger,
} from '@shared/rules/policy/clause-ledger'
import { describe, expect, it } from 'vitest'

const decided = (
  id: string,
  violatedClauses: string[],
  kind: DecisionFactsRow['kind'] = 'warning',
): DecisionFactsRow => ({
  id,
  caseId: `case-${id}`,
  caseCreatedAt: '2026-11-20T10:00:00.000Z',
  caseCategory: 'property_damage',
  kind,
  decidedAt: '2026-11-21T10:00:00.000Z',
  violatedClauses,
})

describe('the clause ledger', () => {
  it('files a decision under each clause it found violated, and reads it back once', () => {
    const rows = ledgerRows([decided('a', ['PD-1', 'PD-2']), decided('b', ['PD-1'], 'education')])
    expect(rows.map((row) => row.key).sort()).toEqual(['property_damage|PD-1', 'property_damage|PD-2'])
    const read = decisionsFromLedger(rows)
    expect(read).toHaveLength(2)
    expect(read.find((decision) => decision.caseId === 'case-a')).toEqual({
      caseId: 'case-a',
      outcomeKind: 'warning',
      decidedAt: '2026-11-21T10:00:00.000Z',
      violatedClauses: ['PD-1', 'PD-2'],
    })
  })

  it('leaves out decisions whose case is not on this workstation yet', () => {
    expect(ledgerRows([{ ...decided('a', ['PD-1']), caseCreatedAt: '', caseCategory: '' }])).toEqual([])
  })

  it('takes a changed decision out before its new entry goes in', () => {
    const [row] = ledgerRows([decided('a', ['PD-1']), decided('b', ['PD-1'])])
    const revisions = ledgerRevisions([
      { before: decided('a', ['PD-1']), after: decided('a', ['PD-1'], 'no_action') },
    ])
    const revised = reviseLedger(row!.entries, revisions.get('property_damage|PD-1')!)
    expect(
      decisionsFromLedger([{ key: row!.key, entries: revised }])
        .map((decision) => decision.outcomeKind)
        .sort(),
    ).toEqual(['no_action', 'warning'])
  })

  it('keeps an entry whole when an id or clause from another workstation holds a separator', () => {
    const hostile = decided('x', ['PD-1\u001fno_action\u001e'])
    const [row] = ledgerRows([hostile, decided('y', ['PD-1\u001fno_action\u001e'])])
    const read = decisionsFromLedger([row!])
    expect(read).toHaveLength(2)
    expect(read[0]!.violatedClauses).toEqual(['PD-1 no_action '])
    expect(read.map((decision) => decision.outcomeKind)).toEqual(['warning', 'warning'])
  })
})
