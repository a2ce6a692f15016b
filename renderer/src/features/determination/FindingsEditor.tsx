import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined'
import {
  Autocomplete,
  Button,
  IconButton,
  Menu,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import {
  type Claim,
  type Evidence,
  exhibitLabel,
  type Finding,
  STANDARD_OF_PROOF_LABELS,
  STANDARDS_OF_PROOF,
  type StandardOfProof,
} from '@shared/domain'
import { type CorroborationSource, findingFromClaim } from '@shared/rules/verification/corroboration'
import { showUntrusted } from '@shared/untrusted-text'
import { useState } from 'react'

const exhibitName = (item: Evidence) =>
  `${exhibitLabel(item.exhibitNumber)} · ${showUntrusted(item.originalName)}`

/** The findings of one determination: each a statement, the exhibits it rests on, and its standard. */
export function FindingsEditor({
  findings,
  evidence,
  corroboration,
  onChange,
}: {
  findings: Finding[]
  evidence: Evidence[]
  /** The case's corroboration matrix: a claim becomes a finding with its supporting exhibits. */
  corroboration: { claims: Claim[]; sources: CorroborationSource[] } | undefined
  onChange(findings: Finding[]): void
}) {
  const [claimMenu, setClaimMenu] = useState<HTMLElement | null>(null)
  const change = (index: number, patch: Partial<Finding>) =>
    onChange(findings.map((finding, at) => (at === index ? { ...finding, ...patch } : finding)))
  const available = evidence.filter((item) => !item.removed)
  return (
    <Stack spacing={1.5} component="section" aria-label="Findings">
      <Typography variant="h6" component="h3">
        Findings
      </Typography>
      {findings.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No findings yet. Each finding states a fact you established and the exhibits it rests on.
        </Typography>
      )}
      {findings.map((finding, index) => (
        <Paper key={finding.id} variant="outlined" sx={{ p: 1.5 }}>
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label={`Finding ${index + 1}`}
                value={finding.statement}
                onChange={(event) => change(index, { statement: event.target.value })}
                multiline
                minRows={2}
                fullWidth
              />
              <IconButton
                aria-label={`Remove finding ${index + 1}`}
                onClick={() => onChange(findings.filter((_, at) => at !== index))}
              >
                <DeleteOutlineIcon />
              </IconButton>
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
              <Autocomplete
                multiple
                sx={{ flex: 1 }}
                options={available}
                getOptionLabel={exhibitName}
                value={available.filter((item) => finding.evidenceIds.includes(item.id))}
                onChange={(_, chosen) => change(index, { evidenceIds: chosen.map((item) => item.id) })}
                renderInput={(params) => (
                  <TextField {...params} label={`Evidence for finding ${index + 1}`} placeholder="Exhibits" />
                )}
                noOptionsText="No evidence on this case yet"
              />
              <TextField
                select
                label={`Standard of finding ${index + 1}`}
                value={finding.standard}
                onChange={(event) => change(index, { standard: event.target.value as StandardOfProof })}
                sx={{ minWidth: 220 }}
              >
                {STANDARDS_OF_PROOF.map((standard) => (
                  <MenuItem key={standard} value={standard}>
                    {STANDARD_OF_PROOF_LABELS[standard]}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          </Stack>
        </Paper>
      ))}
      <Stack direction="row" spacing={1}>
        <Button
          onClick={() =>
            onChange([
              ...findings,
              { id: crypto.randomUUID(), statement: '', evidenceIds: [], standard: 'more_likely_than_not' },
            ])
          }
        >
          Add finding
        </Button>
        {corroboration && corroboration.claims.length > 0 && (
          <Button onClick={(event) => setClaimMenu(event.currentTarget)}>Add finding from a claim…</Button>
        )}
        <Menu anchorEl={claimMenu} open={claimMenu !== null} onClose={() => setClaimMenu(null)}>
          {corroboration?.claims.map((claim) => (
            <MenuItem
              key={claim.id}
              onClick={() => {
                onChange([
                  ...findings,
                  { id: crypto.randomUUID(), ...findingFromClaim(claim, corroboration.sources) },
                ])
                setClaimMenu(null)
              }}
            >
              {claim.text}
            </MenuItem>
          ))}
        </Menu>
      </Stack>
    </Stack>
  )
}
