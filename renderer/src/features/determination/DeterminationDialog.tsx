import { repositories } from '@db/instance'
import { useCorroboration } from '@features/verification'
import { Alert, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material'
import {
  type Case,
  type ClauseConsidered,
  type Determination,
  type Finding,
  OUTCOME_KIND_LABELS,
  OUTCOME_KINDS,
  type OutcomeKind,
  PARTY_ROLE_LABELS,
  type Party,
} from '@shared/domain'
import { reviewDetermination, violatedClauseIds } from '@shared/rules/policy/determination-review'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { ClausesEditor } from './ClausesEditor'
import { FindingsEditor } from './FindingsEditor'
import { blankOutcome, draftOf, type OutcomeDraft, outcomeOf } from './outcome-draft'
import { useDeterminationRules } from './useDeterminationRules'

const recommendedLabel = (kinds: readonly OutcomeKind[]) =>
  kinds.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')

/** Records (or changes) the determination for one party of the case. */
export function DeterminationDialog({
  record,
  party,
  current,
  onClose,
}: {
  record: Case
  party: Party
  current: Determination | undefined
  onClose(): void
}) {
  const analyst = useAnalyst()
  const rules = useDeterminationRules(record.severity)
  const { library, approvalThreshold: threshold } = rules
  const corroboration = useCorroboration(record.id)
  const evidence = useLiveQuery(() => repositories.evidence.listForCase(record.id), [record.id]) ?? []
  const reports = useLiveQuery(() => repositories.reports.listForCase(record.id), [record.id]) ?? []
  const finalReport = reports.some((report) => report.status === 'final')
  const [findings, setFindings] = useState<Finding[]>(current?.findings ?? [])
  const [clauses, setClauses] = useState<ClauseConsidered[]>(current?.clauses ?? [])
  const [draft, setDraft] = useState<OutcomeDraft>(current ? draftOf(current.outcome) : blankOutcome)
  const [rationale, setRationale] = useState(current?.rationale ?? '')
  const [justification, setJustification] = useState(current?.justification ?? '')
  const [tried, setTried] = useState(false)

  const parsed = outcomeOf(draft)
  const outcome = 'outcome' in parsed ? parsed.outcome : null
  const review = reviewDetermination({ clauses, outcome, justification, approval: null }, rules)
  const violated = violatedClauseIds({ clauses })
  const set = (patch: Partial<OutcomeDraft>) => setDraft((before) => ({ ...before, ...patch }))
  const blankFinding = findings.some((finding) => !finding.statement.trim())
  const problem =
    'problem' in parsed
      ? parsed.problem
      : blankFinding
        ? 'Every finding needs its statement (or remove it).'
        : review.missingJustification
          ? 'The outcome is outside the recommended ones: say why in the justification.'
          : outcome && !rationale.trim()
            ? 'Give the rationale for the outcome.'
            : null

  const save = async () => {
    setTried(true)
    if (!analyst || problem) return
    const saved = await attempt(
      () =>
        repositories.determinations.save(
          { caseId: record.id, partyId: party.id, findings, clauses, outcome, rationale, justification },
          analyst,
        ),
      `Determination for ${showUntrusted(party.name)} saved.`,
    )
    if (saved) onClose()
  }

  return (
    <FormDialog
      title={`Determination for ${showUntrusted(party.name)} (${PARTY_ROLE_LABELS[party.role].toLowerCase()})`}
      submitLabel="Save determination"
      width="md"
      error={tried && problem}
      onSubmit={save}
      onClose={onClose}
    >
      <FindingsEditor
        findings={findings}
        evidence={evidence}
        corroboration={corroboration}
        onChange={setFindings}
      />
      <Divider />
      <ClausesEditor clauses={clauses} library={library} onChange={setClauses} />
      <Divider />
      <Stack spacing={1.5} component="section" aria-label="Outcome">
        <Typography variant="h6" component="h3">
          Outcome
        </Typography>
        <Alert severity="info" role="status" data-testid="outcome-recommendation">
          Recommended for {record.severity}
          {violated.length ? ` with ${violated.join(', ')} violated` : ', no clause violated'}:{' '}
          <strong>{recommendedLabel(review.recommended)}</strong>.
        </Alert>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          <TextField
            select
            label="Outcome"
            value={draft.kind}
            onChange={(event) => set({ kind: event.target.value as OutcomeKind | '' })}
            sx={{ minWidth: 300 }}
          >
            <MenuItem value="">
              <em>Not decided yet</em>
            </MenuItem>
            {OUTCOME_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {OUTCOME_KIND_LABELS[kind]}
                {review.recommended.includes(kind) ? ' (recommended)' : ''}
              </MenuItem>
            ))}
          </TextField>
          {draft.kind === 'temporary_suspension' && (
            <TextField
              label="Days"
              type="number"
              value={draft.days}
              onChange={(event) => set({ days: event.target.value })}
              slotProps={{ htmlInput: { min: 1, max: 365 } }}
            />
          )}
          {draft.kind === 'reimbursement' && (
            <>
              <TextField
                label="Amount"
                value={draft.amount}
                onChange={(event) => set({ amount: event.target.value })}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              />
              <TextField
                select
                label="Currency"
                value={draft.currency}
                onChange={(event) => set({ currency: event.target.value as OutcomeDraft['currency'] })}
              >
                <MenuItem value="USD">USD</MenuItem>
                <MenuItem value="CAD">CAD</MenuItem>
              </TextField>
            </>
          )}
          {draft.kind === 'referral' && (
            <TextField
              select
              label="Referred to"
              value={draft.to}
              onChange={(event) => set({ to: event.target.value as OutcomeDraft['to'] })}
            >
              <MenuItem value="legal">Legal</MenuItem>
              <MenuItem value="law_enforcement">Law enforcement</MenuItem>
            </TextField>
          )}
        </Stack>
        {review.outsideRecommendation && (
          <NoteField
            label="Justification (the outcome is outside the recommendation)"
            value={justification}
            onChange={setJustification}
            required
            error={tried && review.missingJustification}
            helperText="Say why this case calls for a different outcome than the matrix recommends."
          />
        )}
        {review.needsApproval && (
          <Alert severity="warning">
            {outcome?.kind === 'permanent_deactivation'
              ? 'A deactivation'
              : `A reimbursement above ${threshold}`}{' '}
            needs a lead’s approval, recorded on the determination after it is saved.
          </Alert>
        )}
        <NoteField
          label="Rationale"
          value={rationale}
          onChange={setRationale}
          minRows={3}
          helperText="Why the findings and clauses lead to this outcome; the report quotes it."
        />
      </Stack>
      {draft.kind === 'permanent_deactivation' && record.status === 'new' && (
        <Alert severity="warning" data-testid="still-new-warning">
          This case is still New: nobody has triaged or investigated it yet. A permanent deactivation rests on
          an investigation’s findings; check the case before deciding.
        </Alert>
      )}
      {finalReport && (
        <Alert severity="warning" data-testid="final-report-warning">
          The case’s report is final. Saving this changes what its findings and determination sections should
          say: the report will list the change until it is amended.
        </Alert>
      )}
    </FormDialog>
  )
}
