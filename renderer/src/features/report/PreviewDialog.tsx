import { PdfViewer } from '@features/evidence'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
} from '@mui/material'
import { printReportPreview } from '@services/report-export/export-report'
import type { Actor, Report } from '@shared/domain'
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
    printReportPreview(report, analyst).then(
      (printed) =>
        current && setPdf(new Blob([printed.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })),
      (failure) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return () => {
      current = false
    }
  }, [report.id, report.updatedAt, report.status, analyst.id])
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>Print preview</DialogTitle>
      <DialogContent>
        {error ? (
          <Alert severity="error">The report could not be printed: {error}</Alert>
        ) : pdf ? (
          <PdfViewer blob={pdf} />
        ) : (
          <LinearProgress aria-label="Printing the preview" />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  )
}
