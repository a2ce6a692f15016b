import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib'
import { readPdf } from '@scripts/lib/pdf-reader'
import type { Party } from '@shared/domain'
import { redactForAudience } from '@shared/formats/report/audience-redaction'
import { exportLogHtml, finishExport } from '@shared/formats/report/export-pdf'
import {
  newReportDocument,
  nodeText,
  type ReportDocument,
  type ReportNode,
} from '@shared/formats/report/report-document'
import { DEFAULT_REDACTION_PROFILES } from '@shared/rules/policy/redaction-profiles'
import { describe, expect, it } from 'vitest'
import { records, reportParty } from '../fixtures/report'

const customer: Party = {
  ...reportParty,
  id: 'party-customer',
  role: 'customer',
  name: 'Dana Okafor',
  accountId: 'CUS-77',
  contact: { phone: '555-0199', email: 'dana@example.com', address: '14 Alder Lane' },
}
const parties = [reportParty, customer]
// The shopper (Luis Ortega) has phone 555-0142, email luis@example.com and account SHP-1001.
const document = (() => {
  const base = newReportDocument({ ...records, parties }, 'UTC', '2026-11-24T11:00:00.000Z')
  const typed: ReportNode = {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Luis Ortega (555-0142, luis@example.com) was reached; Dana Okafor was not.' },
    ],
  }
  const manual: ReportNode = {
    type: 'paragraph',
    content: [{ type: 'text', text: 'secret', marks: [{ type: 'redaction' }] }],
  }
  return { ...base, content: [...base.content!, typed, manual] } as ReportDocument
})()
const everything = (doc: ReportDocument) => JSON.stringify(doc)

describe('redaction for an audience', () => {
  it('hides the shopper’s contact data from the customer, in text and tables, and logs each rule', () => {
    const { document: forCustomer, log } = redactForAudience(
      document,
      parties,
      DEFAULT_REDACTION_PROFILES.customer,
    )
    const text = everything(forCustomer)
    for (const hidden of ['555-0142', 'luis@example.com', 'SHP-1001']) expect(text).not.toContain(hidden)
    // The customer's own data, and the shopper's name, stay.
    expect(text).toContain('dana@example.com')
    expect(text).toContain('Luis Ortega')
    const typed = forCustomer.content!.at(-2)! as ReportNode
    expect(
      typed.content!.filter((node) => node.marks?.some((mark) => mark.type === 'redaction')),
    ).toHaveLength(2)
    expect(nodeText(typed)).toContain('Luis Ortega (')
    expect(log).toEqual(
      expect.arrayContaining([
        { rule: 'shopper phone', detail: 'phone of the shopper Luis Ortega', count: 2 },
        { rule: 'shopper email', detail: 'email of the shopper Luis Ortega', count: 2 },
        { rule: 'shopper account id', detail: 'account id of the shopper Luis Ortega', count: 1 },
        { rule: 'manual', detail: "the analyst's own redactions", count: 1 },
      ]),
    )
  })

  it('hides nothing from legal but keeps the analyst’s own redactions', () => {
    const { document: forLegal, log } = redactForAudience(document, parties, DEFAULT_REDACTION_PROFILES.legal)
    expect(forLegal).toEqual(document)
    expect(log).toEqual([{ rule: 'manual', detail: "the analyst's own redactions", count: 1 }])
  })

  it('hides a retailer audience’s customer entirely, name included', () => {
    const { document: forRetailer } = redactForAudience(
      document,
      parties,
      DEFAULT_REDACTION_PROFILES.retailer,
    )
    const text = everything(forRetailer)
    for (const hidden of ['Dana Okafor', '555-0199', 'dana@example.com', '14 Alder Lane', 'CUS-77'])
      expect(text).not.toContain(hidden)
  })
})

describe('the exported file', () => {
  async function onePage(text: string) {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage([300, 200])
    page.drawText(text, { x: 20, y: 100, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) })
    return pdf.save()
  }

  it('ends with the verification page, and opens only with its password when protected', async () => {
    const report = await onePage('Investigation report body')
    const verification = await onePage('Export log and verification')
    const plain = await readPdf(await finishExport(report, verification, null))
    expect(plain.pages).toHaveLength(2)
    expect(plain.pages[1]).toContain('Export log and verification')

    const locked = await finishExport(report, verification, {
      user: 'open sesame 1',
      owner: 'owner secret 2',
    })
    await expect(readPdf(locked)).rejects.toThrow(/password/i)
    await expect(readPdf(locked, 'wrong password')).rejects.toThrow(/password/i)
    const opened = await readPdf(locked, 'open sesame 1')
    expect(opened.pages[0]).toContain('Investigation report body')
  })

  it('lists the audience, what was hidden and the pages’ SHA-256 on the verification page', () => {
    const html = exportLogHtml({
      caseNumber: 'CR-2026-000001',
      title: 'Investigation report',
      versionNumber: 3,
      audience: 'customer',
      exportedBy: { id: 'a', name: 'Riley Chen' },
      exportedAt: '2026-11-30T10:00:00.000Z',
      timeZone: 'UTC',
      pagesSha256: 'ab'.repeat(32),
      pageCount: 7,
      redactions: [{ rule: 'shopper phone', detail: 'phone of the shopper <b>', count: 2 }],
      passwordProtected: true,
    })
    expect(html).toContain('Customer')
    expect(html).toContain('ab'.repeat(32))
    expect(html).toContain('phone of the shopper &lt;b&gt;')
    expect(html).toContain('required to open this file')
  })
})
