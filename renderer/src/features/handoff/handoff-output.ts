import { platform } from '@platform'
import { localTimeZone } from '@services/report-export/report-print-input'
import { handoffPrintHtml } from '@shared/formats/handoff/handoff-print'
import { handoffText, type ShiftHandoff } from '@shared/rules/handoff/shift-handoff'
import { notify } from '@ui/notices'

const stamp = (iso: string) => iso.slice(0, 16).replace(/[:T]/g, '-')

/** Prints the handoff with the report's print pipeline and saves the PDF where the analyst chooses. */
export async function printHandoff(handoff: ShiftHandoff): Promise<void> {
  const pdf = await platform.printToPdf(handoffPrintHtml(handoff, localTimeZone()))
  const saved = await platform.saveFile({
    title: 'Save the shift handoff as PDF',
    suggestedName: `shift-handoff-${stamp(handoff.writtenAt)}.pdf`,
    mimeType: 'application/pdf',
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
    bytes: pdf,
  })
  if (saved.saved) notify('success', 'Shift handoff saved as PDF.')
}

/** Copies the handoff as plain text, for chat or email. */
export async function copyHandoff(handoff: ShiftHandoff): Promise<void> {
  try {
    await navigator.clipboard.writeText(handoffText(handoff, localTimeZone()))
    notify('success', 'Shift handoff copied as text.')
  } catch {
    notify('error', 'The clipboard is not available; print the handoff to PDF instead.')
  }
}
