import {
  citedEvidenceIds,
  newReportDocument,
  type ReportCaseRecords,
  ReportDocumentSchema,
  type ReportNode,
  refreshCaseTables,
  reportHeadings,
} from '@shared/formats/report/report-document'
import { REPORT_SECTIONS, templateForCategory } from '@shared/formats/report/report-templates'
import { describe, expect, it } from 'vitest'
import { records, reportParty, reportPhoto } from '../fixtures/report'

describe('report templates', () => {
  it('picks the template made for the case category, or the general one', () => {
    expect(templateForCategory('property_damage').label).toBe('Property damage')
    expect(templateForCategory('injury_safety').label).toBe('Safety incident')
    expect(templateForCategory('sexual_misconduct').label).toBe('Harassment or threat')
    expect(templateForCategory('account_behaviour').label).toBe('Fraud or account behaviour')
    expect(templateForCategory('theft_missing_items').label).toBe('Fraud or account behaviour')
  })
})

describe('a new report', () => {
  const document = newReportDocument(records, 'UTC', '2026-11-24T11:00:00.000Z')

  it('has every section, the case tables, and starts the summary from the case', () => {
    expect(reportHeadings(document).map((heading) => heading.text)).toEqual([...REPORT_SECTIONS])
    const tables = document.content!.filter((node) => node.type === 'caseTable')
    expect(tables.map((table) => table.attrs?.source)).toEqual([
      'parties',
      'timeline',
      'evidence',
      'findings',
      'clauses',
      'determinations',
      'communications',
    ])
    expect(tables[0]!.attrs?.rows).toEqual([
      ['Shopper', 'Luis Ortega', 'SHP-1001', '555-0142 · luis@example.com'],
    ])
    expect((tables[2]!.attrs!.rows as string[][])[0]).toEqual([
      'E-1',
      'mailbox.jpg',
      'image/jpeg',
      '2.0 KB',
      'Nov 24, 2026, 9:30 AM',
      'ab'.repeat(32),
    ])
    expect(JSON.stringify(document.content![1])).toContain("The shopper's car hit the customer's mailbox.")
    expect(ReportDocumentSchema.safeParse(document).success).toBe(true)
  })

  it('refreshes the case tables without touching the analyst’s text', () => {
    const written = {
      ...document,
      content: [
        ...document.content!,
        { type: 'paragraph', content: [{ type: 'text', text: 'My finding.' }] } as ReportNode,
      ],
    }
    const later: ReportCaseRecords = {
      ...records,
      parties: [
        ...records.parties,
        { ...reportParty, id: 'party-2', role: 'customer', name: 'Dana Okafor', accountId: undefined },
      ],
    }
    const refreshed = refreshCaseTables(written, later, 'UTC', '2026-11-25T08:00:00.000Z')
    const parties = refreshed.content!.find((node) => node.attrs?.source === 'parties')!
    expect((parties.attrs!.rows as string[][]).map((row) => row[1])).toEqual(['Luis Ortega', 'Dana Okafor'])
    expect(parties.attrs?.refreshedAt).toBe('2026-11-25T08:00:00.000Z')
    expect(refreshed.content!.at(-1)).toEqual(written.content.at(-1))
    expect(refreshed.content!.filter((node) => node.type !== 'caseTable')).toEqual(
      written.content.filter((node) => node.type !== 'caseTable'),
    )
  })

  it('fills Findings, Policy analysis and Determination from the determinations', () => {
    const decided: ReportCaseRecords = {
      ...records,
      determinations: [
        {
          id: 'det-1',
          caseId: records.case.id,
          partyId: reportParty.id,
          findings: [
            {
              id: 'f-1',
              statement: 'The shopper reversed into the mailbox.',
              evidenceIds: [reportPhoto.id],
              standard: 'confirmed',
            },
          ],
          clauses: [
            { clauseId: 'PD-1', violated: true },
            { clauseId: 'SC-3', violated: false },
          ],
          outcome: { kind: 'temporary_suspension', days: 3 },
          rationale: 'Repeat damage on the same route.',
          justification: 'Second incident this month.',
          approval: null,
          decidedBy: { id: 'a', name: 'Ana' },
          decidedAt: '2026-11-24T12:00:00.000Z',
          updatedAt: '2026-11-24T12:00:00.000Z',
        },
      ],
    }
    const tables = newReportDocument(decided, 'UTC', '2026-11-24T13:00:00.000Z').content!.filter(
      (node) => node.type === 'caseTable',
    )
    const rows = (source: string) =>
      tables.find((table) => table.attrs?.source === source)!.attrs!.rows as string[][]
    expect(rows('findings')).toEqual([
      ['Luis Ortega (shopper)', 'The shopper reversed into the mailbox.', 'E-1', 'Confirmed'],
    ])
    expect(rows('clauses')).toEqual([
      ['Luis Ortega (shopper)', 'PD-1 Damage caused during delivery', 'Violated'],
      ['Luis Ortega (shopper)', 'SC-3 Safe driving and delivery', 'Not violated'],
    ])
    expect(rows('determinations')).toEqual([
      [
        'Luis Ortega (shopper)',
        'temporary suspension (3 days)',
        'Repeat damage on the same route.\nOutside the recommended outcomes because: Second incident this month.',
        '',
      ],
    ])
  })

  it('puts back a section’s table under its heading when the report lacks it', () => {
    const withoutFindings = {
      ...document,
      content: document.content!.filter((node) => node.attrs?.source !== 'findings'),
    }
    const refreshed = refreshCaseTables(withoutFindings, records, 'UTC', '2026-11-25T08:00:00.000Z')
    const findingsHeading = refreshed.content!.findIndex(
      (node) => node.type === 'heading' && node.content?.[0]?.text === 'Findings',
    )
    expect(refreshed.content![findingsHeading + 1]!.attrs?.source).toBe('findings')
    expect(refreshed.content!.filter((node) => node.attrs?.source === 'findings')).toHaveLength(1)
  })

  it('refuses node types the editor does not have', () => {
    expect(
      ReportDocumentSchema.safeParse({ type: 'doc', content: [{ type: 'script', text: 'x' }] }).success,
    ).toBe(false)
  })

  it('lists the evidence a report cites', () => {
    const citing = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [{ type: 'evidenceReference' as const, attrs: { evidenceId: 'item-1', exhibit: 'E-1' } }],
        },
        { type: 'exhibitFigure' as const, attrs: { evidenceId: 'item-2', exhibit: 'E-2', caption: '' } },
      ],
    }
    expect(citedEvidenceIds(citing)).toEqual(['item-1', 'item-2'])
  })
})
