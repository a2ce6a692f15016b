import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined'
import {
  Autocomplete,
  FormControlLabel,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material'
import type { ClauseConsidered } from '@shared/domain'
import { clauseIndex, type PolicyClause, type PolicyDocument } from '@shared/rules/policy/policy-document'
import { searchClauses } from '@shared/rules/policy/policy-search'
import { useMemo, useState } from 'react'

const clauseName = (clause: Pick<PolicyClause, 'id' | 'title'>) => `${clause.id} ${clause.title}`

/** The policy clauses considered for a party, each found violated or not. */
export function ClausesEditor({
  clauses,
  library,
  onChange,
}: {
  clauses: ClauseConsidered[]
  library: readonly PolicyDocument[]
  onChange(clauses: ClauseConsidered[]): void
}) {
  const index = useMemo(() => clauseIndex(library), [library])
  const [query, setQuery] = useState('')
  const options = useMemo(
    () =>
      (query.trim()
        ? searchClauses(library, query).map((match) => match.clause)
        : [...index.values()].map((entry) => entry.clause)
      ).filter((clause) => !clauses.some((considered) => considered.clauseId === clause.id)),
    [library, index, query, clauses],
  )
  return (
    <Stack spacing={1} component="section" aria-label="Clauses considered">
      <Typography variant="h6" component="h3">
        Clauses considered
      </Typography>
      <Autocomplete
        options={options}
        filterOptions={(found) => found}
        getOptionLabel={clauseName}
        value={null}
        inputValue={query}
        onInputChange={(_, value, reason) => setQuery(reason === 'reset' ? '' : value)}
        onChange={(_, clause) => {
          if (clause) onChange([...clauses, { clauseId: clause.id, violated: false }])
        }}
        renderInput={(params) => (
          <TextField {...params} label="Consider a clause" placeholder="A clause id (PD-1) or words" />
        )}
        noOptionsText="No clause matches"
      />
      {clauses.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No clause considered yet. The outcome matrix recommends outcomes from the clauses found violated.
        </Typography>
      ) : (
        <List dense disablePadding>
          {clauses.map((considered, at) => {
            const clause = index.get(considered.clauseId)?.clause
            const name = clause ? clauseName(clause) : `${considered.clauseId} (no longer in the library)`
            return (
              <ListItem
                key={considered.clauseId}
                disableGutters
                secondaryAction={
                  <IconButton
                    edge="end"
                    aria-label={`Remove ${considered.clauseId}`}
                    onClick={() => onChange(clauses.filter((_, other) => other !== at))}
                  >
                    <DeleteOutlineIcon />
                  </IconButton>
                }
              >
                <ListItemText primary={name} sx={{ pr: 2 }} />
                <FormControlLabel
                  sx={{ mr: 5 }}
                  control={
                    <Switch
                      checked={considered.violated}
                      onChange={(event) =>
                        onChange(
                          clauses.map((other, position) =>
                            position === at ? { ...other, violated: event.target.checked } : other,
                          ),
                        )
                      }
                      slotProps={{ input: { 'aria-label': `${considered.clauseId} violated` } }}
                    />
                  }
                  label="Violated"
                />
              </ListItem>
            )
          })}
        </List>
      )}
    </Stack>
  )
}
