import { escapeHtml, printStyleSheet } from '../../formats/report/print-html'
import { formatReportTime } from '../../formats/report/report-document'
import { PRINT_DOCUMENT_CSP } from '../../protocol/platform/csp'
import { handoffSections, type ShiftHandoff } from './shift-handoff'

/**
 * The handoff as a print document for the report's print pipeline (same style sheet, same CSP: no
 * scripts, nothing loaded), so it prints to PDF exactly as a report does.
 */
export function handoffPrintHtml(handoff: ShiftHandoff, timeZone: string): string {
  const when = (iso: string) => formatReportTime(iso, timeZone)
  const note = handoff.note
    ? handoff.note
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('')
    : '<p>(no note)</p>'
  const sections = handoffSections(handoff, timeZone)
    .map(
      (section) =>
        `<h2>${escapeHtml(section.heading)}</h2>${
          section.lines.length
            ? `<ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
            : `<p>${escapeHtml(section.empty)}</p>`
        }`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">
<title>${escapeHtml(`Shift handoff — ${handoff.writtenBy.name}`)}</title>
<style>${printStyleSheet('Shift handoff')}</style>
</head>
<body>
<h1>Shift handoff</h1>
<p>From ${escapeHtml(handoff.writtenBy.name)}, written ${escapeHtml(when(handoff.writtenAt))}; shift from ${escapeHtml(when(handoff.shiftStartedAt))}.</p>
<h2>Note to the next analyst</h2>
${note}
${sections}
</body>
</html>`
}
