import { escapeHtml } from '@shared/formats/print-document'
import { BREAK, breakableHtml, SOFT_HYPHEN } from '@shared/formats/report/line-breaks'
import { reportPrintHtml } from '@shared/formats/report/print-html'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { reportCase } from '../fixtures/report'

const breakable = (text: string) => breakableHtml(text, escapeHtml)

describe('where a printed line may break', () => {
  it('never inside a word, however narrow the cell', () => {
    for (const words of [
      'Customer',
      'Shopper statement requested',
      'Misrepresentation of the delivery',
      'Nov 24, 2026, 9:15 AM',
    ])
      expect(breakable(words)).toBe(words)
  })

  it('in a SHA-256 between groups of 16 hex digits, and nowhere else', () => {
    const hash = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea'
    expect(breakable(hash)).toBe(
      ['3f79bb7b435b0532', '1651daefd374cdc6', '81dc06faa65e374e', '38337b88ca046dea'].join(BREAK),
    )
  })

  it('in an email or a web address after @ . / _ - and the like, escaping every piece', () => {
    expect(breakable('dana.okafor@example.com')).toBe(`dana.${BREAK}okafor@${BREAK}example.${BREAK}com`)
    expect(breakable('https://example.com/orders?id=ORD_5520001&x=<b>')).toBe(
      [
        'https:',
        '/',
        '/',
        'example.',
        'com/',
        'orders?',
        'id=',
        'ORD_',
        '5520001&amp;',
        'x=',
        '&lt;b&gt;',
      ].join(BREAK),
    )
  })

  it('in a long run of letters with soft hyphens, and in a long id plainly', () => {
    expect(breakable('Donaudampfschifffahrtsgesellschaft')).toBe(
      ['Donaudampfschiff', 'fahrtsgesellscha', 'ft'].join(SOFT_HYPHEN),
    )
    expect(breakable('ORD5520001AB7731Z99Q')).toBe(['ORD5520001AB7731', 'Z99Q'].join(BREAK))
  })

  it('keeps spaces and line breaks as they are', () => {
    expect(breakable('Called  the\ncustomer')).toBe('Called  the\ncustomer')
  })
})

describe('printed tables', () => {
  const html = reportPrintHtml({
    caseRecord: reportCase,
    title: 'Investigation report',
    status: 'draft',
    versionNumber: 1,
    analyst,
    createdAt: '2026-11-24T11:00:00.000Z',
    printedAt: '2026-11-25T15:30:00.000Z',
    timeZone: 'UTC',
    exhibits: {},
    tocPages: null,
    document: {
      type: 'doc',
      content: [
        {
          type: 'caseTable',
          attrs: {
            source: 'parties',
            columns: ['Role', 'Name', 'Account', 'Contact'],
            rows: [['Customer', 'Dana Okafor', 'CUS-2041', 'dana.okafor@example.com']],
          },
        },
      ],
    },
  })

  it('break only between words: no cell may break anywhere', () => {
    expect(html).not.toContain('overflow-wrap: anywhere')
    expect(html).toMatch(/th, td \{[^}]*overflow-wrap: break-word; hyphens: manual;/)
    expect(html).toContain('<td>Customer</td><td>Dana Okafor</td><td>CUS-2041</td>')
    expect(html).toContain(`<td>dana.${BREAK}okafor@${BREAK}example.${BREAK}com</td>`)
  })
})
