import { Alert, Typography } from '@mui/material'
import { OUTCOME_KIND_LABELS } from '@shared/domain'
import { clauseIndex } from '@shared/rules/policy/policy-document'
import { PanelDialog } from '@ui/PanelDialog'
import { usePolicyLibrary } from './usePolicyLibrary'

/** A policy clause as the library in force has it: opened from a citation in a report. */
export function ClauseDialog({ clauseId, onClose }: { clauseId: string; onClose(): void }) {
  const library = usePolicyLibrary()
  if (!library) return null
  const found = clauseIndex(library).get(clauseId)
  return (
    // Focus is not handed back to the chip: the next keystroke would replace the selected citation.
    <PanelDialog
      title={found ? `${found.clause.id} ${found.clause.title}` : clauseId}
      disableRestoreFocus
      onClose={onClose}
    >
      {found ? (
        <>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {found.policy.title}, version {found.policy.version} (in force from {found.policy.effectiveFrom})
          </Typography>
          <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }} gutterBottom>
            {found.clause.text}
          </Typography>
          <Typography variant="body2">Applies to {found.clause.appliesTo.join(', ')}.</Typography>
          <Typography variant="body2">Severity: {found.clause.severityGuidance}</Typography>
          <Typography variant="body2">
            Outcomes it allows:{' '}
            {found.clause.allowedOutcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}.
          </Typography>
        </>
      ) : (
        <Alert severity="warning">
          {clauseId} is not in the policy library in force: it may belong to a policy that was replaced.
        </Alert>
      )}
    </PanelDialog>
  )
}
