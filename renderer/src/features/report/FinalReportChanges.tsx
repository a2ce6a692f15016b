import { repositories } from '@db/instance'
import type { ChangeSinceFinal } from '@db/repositories/reports'
import { Alert, AlertTitle, Box } from '@mui/material'
import { formatDateTime } from '@ui/format/time'
import { useLiveQuery } from 'dexie-react-hooks'

/** "Determination for Sam Lee changed (outcome: warning → permanent deactivation; rationale) by Riley Chen, …". */
export function describeChangeSinceFinal(change: ChangeSinceFinal): string {
  const parts = change.parts.map((part) =>
    part === 'outcome' && change.outcome
      ? `outcome: ${change.outcome.before} → ${change.outcome.after}`
      : part,
  )
  const what = change.action === 'changed' && parts.length ? ` (${parts.join('; ')})` : ''
  return `Determination for ${change.partyName} ${change.action}${what} by ${change.by.name}, ${formatDateTime(change.at)}`
}

/**
 * A final report whose case changed after it was signed off says so, with what changed: the text is
 * locked, so without this it would silently stop saying what the case says.
 */
export function FinalReportChanges({ reportId, status }: { reportId: string; status: string }) {
  // The status is a dependency: finalising or amending changes the answer.
  const staleness = useLiveQuery(() => repositories.reports.sinceFinal(reportId), [reportId, status])
  if (!staleness || staleness.changes.length === 0) return null
  return (
    <Alert severity="warning" data-testid="final-report-changes">
      <AlertTitle>Case changed since version {staleness.version.number} was finalised</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {staleness.changes.map((change) => (
          <li key={change.determinationId}>{describeChangeSinceFinal(change)}</li>
        ))}
      </Box>
      This report no longer says what the case says: Amend it, then Refresh case tables.
    </Alert>
  )
}
