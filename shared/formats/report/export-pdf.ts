import { PDFDocument } from '@cantoo/pdf-lib'
import { type Actor, AUDIENCE_LABELS, type Audience, type RedactionLogEntry } from '../../domain'
import { formatReportTime } from '../../printed-time'
import { escapeHtml, printDocument } from '../print-document'
import { printStyleSheet } from './print-html'

/**
 * The last step of an export: a final verification page (the export log: who, when, for which
 * audience, what was hidden, and the SHA-256 of the report's pages as printed) appended to the
 * printed report, then, when asked, password protection (Chromium's printer does not encrypt;
 * pdf-lib does: a user password to open, an owner password for full rights).
 */

export interface ExportLog {
  caseNumber: string
  title: string
  versionNumber: number
  audience: Audience
  exportedBy: Actor
  exportedAt: string
  timeZone: string
  /** SHA-256 of the report's pages as printed, before this page was added. */
  pagesSha256: string
  pageCount: number
  redactions: RedactionLogEntry[]
  passwordProtected: boolean
}

export function exportLogHtml(log: ExportLog): string {
  const facts: Array<[string, string]> = [
    ['Case', log.caseNumber],
    ['Report', `${log.title}, version ${log.versionNumber}`],
    ['Audience', AUDIENCE_LABELS[log.audience]],
    ['Exported by', log.exportedBy.name],
    ['Exported', formatReportTime(log.exportedAt, log.timeZone)],
    ['Password', log.passwordProtected ? 'required to open this file' : 'none'],
    ['Report pages', `1 to ${log.pageCount}`],
  ]
  const redactions = log.redactions.length
    ? `<table><thead><tr><th>Rule</th><th>What was hidden</th><th>Times</th></tr></thead><tbody>${log.redactions
        .map(
          (entry) =>
            `<tr><td>${escapeHtml(entry.rule)}</td><td>${escapeHtml(entry.detail)}</td><td>${entry.count}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Nothing was hidden for this audience.</p>'
  return printDocument({
    title: 'Export log',
    css: `${printStyleSheet(log.caseNumber)}
/* Not a page of the report (its pages say "of ${log.pageCount}"): the log that follows them. */
@page { @bottom-right { content: "Export log, after page ${log.pageCount}"; } }
.verification dl { display: grid; grid-template-columns: 40mm auto; gap: 3pt 8pt; }
.verification dt { color: #555; }
.verification dd { margin: 0; }
.digest { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 10pt; overflow-wrap: anywhere; border: 1px solid #999; padding: 6pt; }
`,
    body: `<section class="verification">
<h1>Export log and verification</h1>
<dl>${facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<h2>Redaction log</h2>
${redactions}
<h2>Verification</h2>
<p>SHA-256 of the report's pages (1 to ${log.pageCount}) as printed, before this page was added:</p>
<p class="digest">${escapeHtml(log.pagesSha256)}</p>
<p>The SHA-256 of this whole file is recorded with the report version in the case's audit.</p>
</section>`,
  })
}

export interface Passwords {
  /** Needed to open the file. */
  user: string
  /** Gives full rights (printing, copying, changing); the user password when not given. */
  owner: string
}

/** The printed report with the verification page after it, encrypted when passwords are given. */
export async function finishExport(
  printed: Uint8Array,
  verificationPage: Uint8Array,
  passwords: Passwords | null,
): Promise<Uint8Array> {
  const report = await PDFDocument.load(printed, { updateMetadata: false })
  const verification = await PDFDocument.load(verificationPage, { updateMetadata: false })
  const pages = await report.copyPages(verification, verification.getPageIndices())
  for (const page of pages) report.addPage(page)
  if (passwords) {
    report.encrypt({
      userPassword: passwords.user,
      ownerPassword: passwords.owner || passwords.user,
      permissions: { printing: 'highResolution', copying: false, modifying: false, annotating: false },
    })
  }
  return report.save({ useObjectStreams: false })
}
