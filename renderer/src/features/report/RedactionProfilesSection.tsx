import { repositories } from '@db/instance'
import {
  Button,
  Checkbox,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import {
  type Actor,
  AUDIENCE_LABELS,
  AUDIENCES,
  type Audience,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  type PartyRole,
  PERSONAL_DATA,
  PERSONAL_DATUM_LABELS,
  type PersonalDatum,
  type RedactionProfiles,
} from '@shared/domain'
import { DEFAULT_REDACTION_PROFILES } from '@shared/rules/policy/redaction-profiles'
import { SETTINGS } from '@shared/rules/settings/registry'
import { attempt } from '@ui/notices'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'

/** Profiles as text whatever order their keys were written in (the stored copy went through its schema). */
const canonical = (profiles: RedactionProfiles) =>
  JSON.stringify(profiles, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )

/** Settings → Redaction profiles: for each audience, what of each party's personal data its exports hide. */
export function RedactionProfilesSection({ analyst }: { analyst: Actor }) {
  const stored = useLiveQuery(() => repositories.settings.read(SETTINGS.redactionProfiles), [])
  // Shown at once while it is saved (a checkbox that waits for the database looks broken), until the
  // live query reads it back: the save resolves before the query re-reads, and in between the old
  // profiles would flash back.
  const [saving, setSaving] = useState<RedactionProfiles | null>(null)
  const readBack = saving !== null && stored !== undefined && canonical(saving) === canonical(stored)
  useEffect(() => {
    if (readBack) setSaving(null)
  }, [readBack])
  const [audience, setAudience] = useState<Audience>('customer')
  const profiles = saving ?? stored
  if (!profiles) return null
  const profile = profiles[audience] ?? {}
  const toggle = (role: PartyRole, datum: PersonalDatum, hidden: boolean) => {
    const current = profile[role] ?? []
    const next = hidden ? [...current, datum] : current.filter((other) => other !== datum)
    const changed = {
      ...profiles,
      [audience]: { ...profile, [role]: PERSONAL_DATA.filter((d) => next.includes(d)) },
    }
    setSaving(changed)
    void attempt(() =>
      repositories.settings
        .save(
          SETTINGS.redactionProfiles,
          changed,
          analyst,
          `Redaction profile for the ${AUDIENCE_LABELS[audience].toLowerCase()}: ${PARTY_ROLE_LABELS[role].toLowerCase()} ${PERSONAL_DATUM_LABELS[datum]} ${hidden ? 'hidden' : 'shown'}`,
        )
        .catch((failure: unknown) => {
          // Not saved: the stored profiles show again, and the failure is told.
          setSaving(null)
          throw failure
        }),
    )
  }
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        A report exported for an audience hides what its profile ticks, in the text, party mentions and case
        tables; the export's last page and the report version list what was hidden.
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="Audience"
          value={audience}
          onChange={(event) => setAudience(event.target.value as Audience)}
          sx={{ minWidth: 240 }}
        >
          {AUDIENCES.map((value) => (
            <MenuItem key={value} value={value}>
              {AUDIENCE_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        <Button
          onClick={() =>
            void attempt(
              () =>
                repositories.settings.save(
                  SETTINGS.redactionProfiles,
                  { ...profiles, [audience]: DEFAULT_REDACTION_PROFILES[audience] },
                  analyst,
                  `Redaction profile for the ${AUDIENCE_LABELS[audience].toLowerCase()} back to the default`,
                ),
              'The default profile is back.',
            )
          }
        >
          Restore the default
        </Button>
      </Stack>
      <Table size="small" aria-label={`What the ${AUDIENCE_LABELS[audience].toLowerCase()} does not see`}>
        <TableHead>
          <TableRow>
            <TableCell>Hide the …</TableCell>
            {PERSONAL_DATA.map((datum) => (
              <TableCell key={datum}>{PERSONAL_DATUM_LABELS[datum]}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {PARTY_ROLES.map((role) => (
            <TableRow key={role}>
              <TableCell>{PARTY_ROLE_LABELS[role]}</TableCell>
              {PERSONAL_DATA.map((datum) => (
                <TableCell key={datum} padding="checkbox">
                  <Checkbox
                    checked={(profile[role] ?? []).includes(datum)}
                    onChange={(event) => toggle(role, datum, event.target.checked)}
                    slotProps={{
                      input: {
                        'aria-label': `Hide the ${PARTY_ROLE_LABELS[role].toLowerCase()}'s ${PERSONAL_DATUM_LABELS[datum]}`,
                      },
                    }}
                  />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  )
}
