import { diffReportVersions, reportText } from '@shared/formats/report/report-diff'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { describe, expect, it } from 'vitest'

const version = (finding: string): ReportDocument => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Findings' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: finding },
        { type: 'text', text: ' (see ' },
        { type: 'evidenceReference', attrs: { evidenceId: 'i', exhibit: 'E-2' } },
        { type: 'text', text: '). Phone ' },
        { type: 'text', text: '555-0142', marks: [{ type: 'redaction' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Warning issued' }] }],
        },
      ],
    },
    { type: 'exhibitFigure', attrs: { evidenceId: 'i', exhibit: 'E-2', caption: 'Dented mailbox' } },
  ],
})

describe('comparing report versions', () => {
  it('reads a version as plain lines', () => {
    expect(reportText(version('The shopper hit the mailbox'))).toBe(
      [
        '# Findings',
        'The shopper hit the mailbox (see Exhibit E-2). Phone ⟦555-0142⟧',
        '• Warning issued',
        '[Figure: Exhibit E-2 — Dented mailbox]',
      ].join('\n'),
    )
  })

  it('shows the words removed and added between two versions', () => {
    const parts = diffReportVersions(
      version('The shopper hit the mailbox'),
      version('The shopper reversed into the mailbox'),
    )
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual(['hit'])
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual([
      'reversed',
      'into',
    ])
    expect(parts.map((part) => part.text).join('')).toContain('Warning issued')
  })
})
