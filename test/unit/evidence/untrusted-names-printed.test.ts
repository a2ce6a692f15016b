import { auditNames, showChanges, showValue } from '@features/case/audit-names'
import type { Case, Communication, TimelineEvent } from '@shared/domain'
import { writeEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'
import { reportPrintHtml } from '@shared/formats/report/print-html'
import { newReportDocument } from '@shared/formats/report/report-document'
import { caseListCsv } from '@shared/rules/metrics/case-csv'
import { caseFacts } from '@shared/rules/metrics/case-metrics'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import { hasUnshowable } from '@shared/untrusted-text'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { records, reportCase, reportParty, reportPhoto } from '../fixtures/report'

// A name that reads "photo…exe.jpg" when printed raw, with a control character and an isolate too.
const NAME = 'photo\u202Egpj.exe\u0007\u2066x'
const SHOWN = 'photo_gpj.exe__x'
const SENDER = 'Dana\u202E\u200Fanad'
const SENDER_SHOWN = 'Dana__anad'
const withoutBreaks = (html: string) => html.replaceAll('<wbr>', '').replaceAll('&shy;', '')

const photo = { ...reportPhoto, originalName: NAME }
const party = { ...reportParty, name: SENDER }
const title: TimelineEvent = {
  id: 'event-1',
  caseId: reportCase.id,
  kind: 'evidence',
  occurredAt: '2026-11-24T10:05:00.000Z',
  // Stored raw at import by older versions: printed safely whenever it was written.
  title: `Exhibit E-1 added: ${NAME}`,
  detail: `Imported "${NAME}"`,
  ref: null,
  recordedBy: analyst,
  recordedAt: '2026-11-24T10:05:00.000Z',
}
const email: Communication = {
  id: 'message-1',
  caseId: reportCase.id,
  partyId: party.id,
  channel: 'email',
  direction: 'inbound',
  occurredAt: '2026-11-24T10:30:00.000Z',
  subject: 'Refund\u202Ednufer',
  body: '',
  outcome: null,
  durationMinutes: null,
  recordedBy: analyst,
  recordedAt: '2026-11-24T10:30:00.000Z',
} as unknown as Communication
const caseRecords = {
  ...records,
  case: { ...reportCase, title: `Mailbox \u202Ekcab`, location: 'Elm\u202E Street' },
  parties: [party],
  evidence: [photo],
  timeline: [title],
  communications: [email],
}

describe('untrusted names in the printed report', () => {
  const document = newReportDocument(caseRecords, 'UTC', '2026-11-24T11:00:00.000Z')
  document.content!.push(
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: `Spoken to ` },
        { type: 'partyMention', attrs: { partyId: party.id, name: SENDER, role: 'customer' } },
      ],
    },
    { type: 'exhibitFigure', attrs: { evidenceId: photo.id, exhibit: 'E-1', caption: '' } },
  )
  const html = reportPrintHtml({
    caseRecord: caseRecords.case,
    title: 'Investigation report',
    status: 'draft',
    versionNumber: 1,
    analyst,
    createdAt: '2026-11-24T11:00:00.000Z',
    printedAt: '2026-11-25T15:30:00.000Z',
    timeZone: 'UTC',
    document,
    exhibits: { [photo.id]: { item: photo, sourceName: SENDER, image: null } },
    tocPages: null,
  })

  it('holds no direction override or control anywhere, whatever table, mention or figure held one', () => {
    // The case tables as stored still hold the raw names: printing is where the rule applies.
    expect(JSON.stringify(document)).toContain('\\u0007')
    expect(hasUnshowable(html.replace(/\n/g, ''))).toBe(false)
  })

  it('prints the safe form in the evidence, parties, incident and communications tables and the figure', () => {
    const text = withoutBreaks(html)
    expect(text).toContain(`<td>${SHOWN}</td>`)
    expect(text).toContain(`<td>${SENDER_SHOWN}</td>`)
    expect(text).toContain(`Exhibit E-1 added: ${SHOWN}`)
    expect(text).toContain('Refund_dnufer')
    expect(text).toContain('At Elm_ Street')
    expect(text).toContain(`<span class="party">${SENDER_SHOWN}</span>`)
    expect(text).toContain(`<dt>File</dt><dd>${SHOWN}</dd>`)
    expect(text).toContain(`<dt>Source</dt><dd>${SENDER_SHOWN}</dd>`)
    expect(text).toContain('<p class="case-title">Mailbox _kcab</p>')
  })
})

describe('untrusted names in exports', () => {
  function bundleFiles() {
    const chunks: Uint8Array[] = []
    writeEvidenceBundle(
      {
        caseNumber: reportCase.caseNumber,
        caseTitle: 'Mailbox',
        exportedAt: '2026-11-24T12:00:00.000Z',
        exportedBy: analyst,
        items: [{ item: photo, sourceName: SENDER, bytes: new Uint8Array([1, 2, 3]) }],
        custody: [
          {
            id: 'custody-1',
            evidenceId: photo.id,
            caseId: reportCase.id,
            action: 'imported',
            at: '2026-11-24T10:05:00.000Z',
            by: analyst,
            sha256: photo.sha256,
            detail: `Imported "${NAME}"`,
          },
        ],
        annotations: [],
        renderings: [],
      },
      (chunk) => chunks.push(chunk),
    )
    const zip = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0))
    let offset = 0
    for (const chunk of chunks) {
      zip.set(chunk, offset)
      offset += chunk.length
    }
    return unzipSync(zip)
  }

  it('shows the safe name in manifest.csv, and keeps the exact original in manifest.json, escaped', () => {
    const files = bundleFiles()
    const csv = strFromU8(files['manifest.csv']!)
    expect(hasUnshowable(csv.replace(/\r\n/g, ''))).toBe(false)
    expect(Papa.parse<string[]>(csv.trim()).data[1]!.slice(0, 2)).toEqual(['E-1', SHOWN])
    expect(csv).toContain(SENDER_SHOWN)
    for (const path of ['manifest.json', 'custody.json']) {
      const json = strFromU8(files[path]!)
      // Read in an editor, nothing reorders the line; read by a program, the name is exact.
      expect(hasUnshowable(json.replace(/\n/g, '')), path).toBe(false)
      expect(json, path).toContain('\\u202e')
    }
    expect(JSON.parse(strFromU8(files['manifest.json']!)).items[0].name).toBe(NAME)
    expect(JSON.parse(strFromU8(files['custody.json']!))[0].detail).toBe(`Imported "${NAME}"`)
    expect(Object.keys(files).some((path) => hasUnshowable(path))).toBe(false)
  })

  it('shows case titles and assignees safely in the metrics CSV', () => {
    const record = {
      ...(reportCase as Case),
      title: `Door \u202Egpj.exe`,
      assigneeName: 'Riley\u0000 Chen',
      slaEvents: [{ type: 'opened', at: reportCase.createdAt, status: 'new', severity: 'S3' }],
    } as Case
    const csv = caseListCsv(caseFacts([record], [], DEFAULT_SLA_POLICY), ['caseNumber', 'title', 'assignee'])
    expect(hasUnshowable(csv.replace(/\r\n/g, ''))).toBe(false)
    expect(Papa.parse<string[]>(csv.trim()).data[1]).toEqual([
      reportCase.caseNumber,
      'Door _gpj.exe',
      'Riley_ Chen',
    ])
  })
})

describe('untrusted names in the audit tab', () => {
  it('shows titles, details and quoted values safely, not only the name fields', () => {
    const names = auditNames({ records: {}, entries: [] })
    expect(showValue(title.title, names, 'title')).toEqual([`Exhibit E-1 added: ${SHOWN}`])
    expect(showValue({ subject: email.subject }, names)).toEqual(['{subject: "Refund_dnufer"}'])
    expect(
      showChanges(
        { entityId: 'x', changes: [{ field: 'detail', before: null, after: `Imported "${NAME}"\nagain` }] },
        names,
      ),
    ).toEqual([{ field: 'detail', before: ['∅'], after: [`Imported "${SHOWN}"\nagain`] }])
  })
})
