import { repositories } from '@db/instance'
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined'
import {
  Button,
  Chip,
  FormControlLabel,
  IconButton,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import { type Claim, STANCE_LABELS, STANCES, STANDARD_OF_PROOF_LABELS, type Stance } from '@shared/domain'
import { type CorroborationSource, cellOf, claimStanding } from '@shared/rules/verification/corroboration'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'

const STANCE_COLOURS: Record<Stance, 'success' | 'error' | 'default'> = {
  supports: 'success',
  contradicts: 'error',
  silent: 'default',
}

interface Editing {
  claim: Claim
  source: CorroborationSource
}

/**
 * Claims (rows) against sources (columns: each party's statement, each exhibit, the order data);
 * each cell says whether the source supports the claim, contradicts it or is silent, with a note.
 */
export function CorroborationMatrix({
  caseId,
  claims,
  sources,
}: {
  caseId: string
  claims: Claim[]
  sources: CorroborationSource[]
}) {
  const analyst = useAnalyst()
  const [text, setText] = useState('')
  const [editing, setEditing] = useState<Editing | null>(null)
  const addClaim = async () => {
    if (!analyst || !text.trim()) return
    const added = await attempt(() => repositories.claims.add(caseId, text.trim(), analyst))
    if (added) setText('')
  }
  return (
    <Stack spacing={1.5} component="section" aria-label="Corroboration matrix">
      <Typography variant="h6" component="h3">
        Corroboration matrix
      </Typography>
      <Stack
        direction="row"
        spacing={1}
        component="form"
        onSubmit={(event) => {
          event.preventDefault()
          void addClaim()
        }}
      >
        <TextField
          size="small"
          label="A claim to check"
          placeholder="The shopper hit the mailbox"
          value={text}
          onChange={(event) => setText(event.target.value)}
          sx={{ flex: 1 }}
        />
        <Button type="submit" variant="outlined" disabled={!text.trim()}>
          Add claim
        </Button>
      </Stack>
      {claims.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No claims yet. List what each party says happened, then mark what every statement, exhibit and the
          order data say of it.
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Claims against sources">
            <TableHead>
              <TableRow>
                <TableCell>Claim</TableCell>
                {sources.map((source) => (
                  <TableCell key={source.key}>{showUntrusted(source.label)}</TableCell>
                ))}
                <TableCell>Standard</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {claims.map((claim) => {
                const standing = claimStanding(claim, sources)
                return (
                  <TableRow key={claim.id}>
                    <TableCell component="th" scope="row">
                      {claim.text}
                    </TableCell>
                    {sources.map((source) => {
                      const cell = cellOf(claim, source.key)
                      return (
                        <TableCell key={source.key}>
                          <Chip
                            size="small"
                            clickable
                            color={STANCE_COLOURS[cell.stance]}
                            variant={cell.stance === 'silent' ? 'outlined' : 'filled'}
                            label={STANCE_LABELS[cell.stance]}
                            aria-label={`${claim.text} — ${showUntrusted(source.label)}: ${STANCE_LABELS[cell.stance]}`}
                            onClick={() => setEditing({ claim, source })}
                          />
                          {cell.note && (
                            <Typography variant="caption" component="p" color="text.secondary">
                              {cell.note}
                            </Typography>
                          )}
                        </TableCell>
                      )
                    })}
                    <TableCell data-testid="claim-standard">
                      {STANDARD_OF_PROOF_LABELS[standing.standard]}
                    </TableCell>
                    <TableCell>
                      <IconButton
                        size="small"
                        aria-label={`Remove the claim "${claim.text}"`}
                        onClick={() =>
                          analyst && void attempt(() => repositories.claims.remove(claim.id, analyst))
                        }
                      >
                        <DeleteOutlinedIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editing && <CellDialog editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  )
}

function CellDialog({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const analyst = useAnalyst()
  const current = cellOf(editing.claim, editing.source.key)
  const [stance, setStance] = useState<Stance>(current.stance)
  const [note, setNote] = useState(current.note)
  const save = async () => {
    if (!analyst) return
    const saved = await attempt(() =>
      repositories.claims.setCell(
        editing.claim.id,
        editing.source.key,
        { stance, note: note.trim() },
        analyst,
      ),
    )
    if (saved) onClose()
  }
  return (
    <FormDialog
      title={showUntrusted(editing.source.label)}
      submitLabel="Save"
      onSubmit={save}
      onClose={onClose}
    >
      <Typography variant="body2">Claim: {editing.claim.text}</Typography>
      <RadioGroup
        row
        value={stance}
        onChange={(event) => setStance(event.target.value as Stance)}
        aria-label="What the source says"
      >
        {STANCES.map((value) => (
          <FormControlLabel key={value} value={value} control={<Radio />} label={STANCE_LABELS[value]} />
        ))}
      </RadioGroup>
      <NoteField label="Note" value={note} onChange={setNote} />
    </FormDialog>
  )
}
