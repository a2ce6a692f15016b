import { repositories } from '@db/instance'
import { canAssign, useJoinedServer } from '@features/sync'
import { Alert, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material'
import {
  type Case,
  type Determination,
  PARTY_ROLE_LABELS,
  type Party,
  STANDARD_OF_PROOF_LABELS,
} from '@shared/domain'
import {
  describeOutcome,
  reviewDetermination,
  violatedClauseIds,
} from '@shared/rules/policy/determination-review'
import { showUntrusted } from '@shared/untrusted-text'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { ApprovalDialog } from './ApprovalDialog'
import { DeterminationDialog } from './DeterminationDialog'
import { SimilarCasesPanel } from './SimilarCasesPanel'
import { useDeterminationRules } from './useDeterminationRules'

type Open = { kind: 'edit' | 'approve'; party: Party } | null

/** The case's determinations, one per party, and the consistency helper. */
export function DeterminationSection({ record }: { record: Case }) {
  const parties = useLiveQuery(() => repositories.parties.listForCase(record.id), [record.id])
  const determinations = useLiveQuery(() => repositories.determinations.listForCase(record.id), [record.id])
  const [open, setOpen] = useState<Open>(null)
  // The palette's "Record a determination…": the first party still undecided, else the first party.
  useCommandRuntime(
    'determination.record',
    () => {
      const undecided = parties?.find(
        (party) => !determinations?.some((determination) => determination.partyId === party.id),
      )
      const party = undecided ?? parties?.[0]
      if (party) setOpen({ kind: 'edit', party })
    },
    parties !== undefined && determinations !== undefined,
  )
  if (!parties || !determinations) return null
  const forParty = (party: Party) =>
    determinations.find((determination) => determination.partyId === party.id)
  // The clauses found violated on this case, else those considered: what "similar" is measured by.
  const violated = [...new Set(determinations.flatMap(violatedClauseIds))]
  const considered = [
    ...new Set(
      determinations.flatMap((determination) => determination.clauses.map((clause) => clause.clauseId)),
    ),
  ]
  const current = open ? forParty(open.party) : undefined
  return (
    <Stack spacing={2}>
      {parties.length === 0 ? (
        <EmptyNote>Add the parties first: a determination is made for each party of the case.</EmptyNote>
      ) : (
        parties.map((party) => (
          <PartyDetermination
            key={party.id}
            record={record}
            party={party}
            determination={forParty(party)}
            onEdit={() => setOpen({ kind: 'edit', party })}
            onApprove={() => setOpen({ kind: 'approve', party })}
          />
        ))
      )}
      <SimilarCasesPanel record={record} clauseIds={violated.length ? violated : considered} />
      {open?.kind === 'edit' && (
        <DeterminationDialog
          record={record}
          party={open.party}
          current={current}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'approve' && current && (
        <ApproveFor determination={current} party={open.party} onClose={() => setOpen(null)} />
      )}
    </Stack>
  )
}

function ApproveFor({
  determination,
  party,
  onClose,
}: {
  determination: Determination
  party: Party
  onClose(): void
}) {
  const analyst = useAnalyst()
  const joined = useJoinedServer()
  if (!analyst || joined === undefined) return null
  const signedInLead =
    joined && canAssign(joined) ? { id: joined.user.id, name: joined.user.displayName } : null
  return (
    <ApprovalDialog
      determination={determination}
      party={party}
      analyst={analyst}
      signedInLead={signedInLead}
      onClose={onClose}
    />
  )
}

function PartyDetermination({
  record,
  party,
  determination,
  onEdit,
  onApprove,
}: {
  record: Case
  party: Party
  determination: Determination | undefined
  onEdit(): void
  onApprove(): void
}) {
  const rules = useDeterminationRules(record.severity)
  const joined = useJoinedServer()
  const review = determination && reviewDetermination(determination, rules)
  // With a team server, only a lead's own account approves; alone, the analyst records who approved.
  const mayRecordApproval = joined === null || canAssign(joined)
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label={`Determination for ${showUntrusted(party.name)}`}
    >
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6" component="h3">
            {showUntrusted(party.name)}
          </Typography>
          <Typography color="text.secondary">{PARTY_ROLE_LABELS[party.role]}</Typography>
          {determination?.outcome ? (
            <Chip
              size="small"
              color="primary"
              label={describeOutcome(determination.outcome)}
              data-testid="determination-outcome"
            />
          ) : (
            <Chip size="small" variant="outlined" label="Not decided" />
          )}
          {review?.outsideRecommendation && (
            <Chip size="small" color="warning" label="Outside the recommendation" />
          )}
          {review?.needsApproval && (
            <Chip
              size="small"
              color={review.approved ? 'success' : 'warning'}
              label={review.approved ? 'Lead approved' : 'Needs lead approval'}
            />
          )}
        </Stack>
        {determination ? (
          <Stack spacing={0.75} sx={{ mt: 1 }}>
            {determination.findings.map((finding) => (
              <Typography key={finding.id} variant="body2">
                <strong>{STANDARD_OF_PROOF_LABELS[finding.standard]}:</strong> {finding.statement}
              </Typography>
            ))}
            {determination.clauses.length > 0 && (
              <Typography variant="body2" color="text.secondary">
                Clauses:{' '}
                {determination.clauses
                  .map((clause) => `${clause.clauseId} ${clause.violated ? 'violated' : 'not violated'}`)
                  .join(' · ')}
              </Typography>
            )}
            {determination.rationale && <Typography variant="body2">{determination.rationale}</Typography>}
            {determination.justification && (
              <Typography variant="body2" color="text.secondary">
                Justification: {determination.justification}
              </Typography>
            )}
            {determination.approval && (
              <Typography variant="body2" color="text.secondary">
                Approved by {determination.approval.approver.name},{' '}
                {formatDateTime(determination.approval.at)}
                {determination.approval.note ? `: ${determination.approval.note}` : ''}
              </Typography>
            )}
            {determination.decidedBy && determination.decidedAt && (
              <Typography variant="caption" color="text.secondary">
                Decided by {determination.decidedBy.name}, {formatDateTime(determination.decidedAt)}
              </Typography>
            )}
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            No determination recorded for this party yet.
          </Typography>
        )}
        {review?.needsApproval && !review.approved && !mayRecordApproval && (
          <Alert severity="info" sx={{ mt: 1 }}>
            A lead approves this outcome from their own workstation; it syncs here once they have.
          </Alert>
        )}
      </CardContent>
      <CardActions>
        <Button onClick={onEdit}>{determination ? 'Edit determination' : 'Record determination'}</Button>
        {review?.needsApproval && !review.approved && mayRecordApproval && (
          <Button onClick={onApprove}>Record lead approval…</Button>
        )}
      </CardActions>
    </Card>
  )
}
