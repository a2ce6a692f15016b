import { PdfViewer } from '@features/evidence'
import { Alert, LinearProgress } from '@mui/material'
import { printReportPreview } from '@services/report-export/export-report'
import { thisWorkstation } from '@services/this-workstation'
import type { Actor, Report } from '@shared/domain'
import { PanelDialog } from '@ui/PanelDialog'
import { useEffect, useState } from 'react'

/** The report exactly as it will print (the same two-pass printing as the export), page by page. */
export function PreviewDialog({
  report,
  analyst,
  onClose,
}: {
  report: Report
  analyst: Actor
  onClose(): void
}) {
  const [pdf, setPdf] = useState<Blob | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Printed again only if the report itself changed, not when the live query hands a new copy.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let current = true
    printReportPreview(thisWorkstation, report, analyst).then(
      (printed) =>
        current && setPdf(new Blob([printed.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })),
      (failure) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return () => {
      current = false
    }
  }, [report.id, report.updatedAt, report.status, analyst.id])
  return (
    <PanelDialog title="Print preview" width="lg" onClose={onClose}>
      {error ? (
        <Alert severity="error">The report could not be printed: {error}</Alert>
      ) : pdf ? (
        <PdfViewer blob={pdf} />
      ) : (
        <LinearProgress aria-label="Printing the preview" />
      )}
    </PanelDialog>
  )
}
