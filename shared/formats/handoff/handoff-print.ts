import { formatReportTime } from '../../printed-time'
import { handoffSections, type ShiftHandoff } from '../../rules/handoff/shift-handoff'
import { escapeHtml, printDocument } from '../print-document'
import { printStyleSheet } from '../report/print-html'

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
  return printDocument({
    title: `Shift handoff — ${handoff.writtenBy.name}`,
    css: printStyleSheet('Shift handoff'),
    body: `<h1>Shift handoff</h1>
<p>From ${escapeHtml(handoff.writtenBy.name)}, written ${escapeHtml(when(handoff.writtenAt))}; shift from ${escapeHtml(when(handoff.shiftStartedAt))}.</p>
<h2>Note to the next analyst</h2>
${note}
${sections}`,
  })
}
