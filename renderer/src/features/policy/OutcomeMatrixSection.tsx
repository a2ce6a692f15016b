import { repositories } from '@db/instance'
import {
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import {
  type Actor,
  OUTCOME_KIND_LABELS,
  OUTCOME_KINDS,
  type OutcomeKind,
  SEVERITIES,
  type Severity,
} from '@shared/domain'
import { type MatrixEntry, recommendedOutcomes } from '@shared/rules/policy/outcome-matrix'
import type { PolicyClause } from '@shared/rules/policy/policy-document'
import { SETTINGS } from '@shared/rules/settings/registry'
import { FormDialog } from '@ui/FormDialog'
import { attempt } from '@ui/notices'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { usePolicyLibrary } from './usePolicyLibrary'

interface Cell {
  clause: PolicyClause
  severity: Severity
}

/**
 * Settings → Outcome matrix: for each clause and severity, the outcomes recommended when the clause is
 * found violated. Each cell starts from the clause's allowed outcomes in proportion to the severity;
 * the team can set its own, which every determination then follows.
 */
export function OutcomeMatrixSection({ analyst }: { analyst: Actor }) {
  const library = usePolicyLibrary()
  const entries = useLiveQuery(() => repositories.settings.read(SETTINGS.outcomeMatrix), [])
  const [editing, setEditing] = useState<Cell | null>(null)
  if (!library || !entries) return null
  const entryFor = (cell: Cell) =>
    entries.find((entry) => entry.severity === cell.severity && entry.clauseId === cell.clause.id)
  const save = (cell: Cell, outcomes: OutcomeKind[] | null) =>
    attempt(async () => {
      const others = entries.filter(
        (entry) => !(entry.severity === cell.severity && entry.clauseId === cell.clause.id),
      )
      const next: MatrixEntry[] = outcomes
        ? [...others, { severity: cell.severity, clauseId: cell.clause.id, outcomes }]
        : others
      await repositories.settings.save(
        SETTINGS.outcomeMatrix,
        next,
        analyst,
        outcomes
          ? `Outcome matrix: ${cell.clause.id} at ${cell.severity} recommends ${outcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}`
          : `Outcome matrix: ${cell.clause.id} at ${cell.severity} back to the default`,
      )
      setEditing(null)
    })
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The outcomes recommended when a clause is found violated, by the case's severity. Cells marked "team"
        are your own; the others follow the clause's allowed outcomes. Click a cell to change it.
      </Typography>
      <TableContainer sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader aria-label="Outcome matrix">
          <TableHead>
            <TableRow>
              <TableCell>Clause</TableCell>
              {SEVERITIES.map((severity) => (
                <TableCell key={severity}>{severity}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {library.flatMap((policy) =>
              policy.clauses.map((clause) => (
                <TableRow key={clause.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {clause.id} {clause.title}
                  </TableCell>
                  {SEVERITIES.map((severity) => {
                    const own = entryFor({ clause, severity })
                    const outcomes = recommendedOutcomes(library, entries, severity, [clause.id])
                    return (
                      <TableCell key={severity}>
                        <Link
                          component="button"
                          variant="body2"
                          sx={{ textAlign: 'left' }}
                          aria-label={`${clause.id} at ${severity}: ${outcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}${own ? ' (team)' : ''}`}
                          onClick={() => setEditing({ clause, severity })}
                        >
                          {outcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}
                          {own ? ' (team)' : ''}
                        </Link>
                      </TableCell>
                    )
                  })}
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {editing && (
        <MatrixCellDialog
          cell={editing}
          current={recommendedOutcomes(library, entries, editing.severity, [editing.clause.id])}
          isOwn={entryFor(editing) !== undefined}
          onSave={(outcomes) => void save(editing, outcomes)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}

function MatrixCellDialog({
  cell,
  current,
  isOwn,
  onSave,
  onClose,
}: {
  cell: Cell
  current: OutcomeKind[]
  isOwn: boolean
  onSave(outcomes: OutcomeKind[] | null): void
  onClose(): void
}) {
  const [chosen, setChosen] = useState<OutcomeKind[]>(current)
  return (
    <FormDialog
      title={`${cell.clause.id} at ${cell.severity}`}
      description={`Recommended when ${cell.clause.id} ${cell.clause.title} is found violated on a ${cell.severity} case. The clause allows: ${cell.clause.allowedOutcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}.`}
      submitLabel="Save"
      canSubmit={chosen.length > 0}
      width="content"
      actions={isOwn && <Button onClick={() => onSave(null)}>Use the default</Button>}
      onSubmit={() => onSave(chosen)}
      onClose={onClose}
    >
      <FormGroup aria-label="Recommended outcomes">
        {OUTCOME_KINDS.map((kind) => (
          <FormControlLabel
            key={kind}
            label={OUTCOME_KIND_LABELS[kind]}
            control={
              <Checkbox
                checked={chosen.includes(kind)}
                onChange={(event) =>
                  setChosen(
                    OUTCOME_KINDS.filter((other) =>
                      other === kind ? event.target.checked : chosen.includes(other),
                    ),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
    </FormDialog>
  )
}
