import { repositories } from '@db/instance'
import { TextField } from '@mui/material'
import type { Actor } from '@shared/domain'
import { type LocationThresholds, LocationThresholdsSchema } from '@shared/rules/orders/location-checks'
import { SETTINGS } from '@shared/rules/settings/registry'
import { attempt } from '@ui/notices'
import { SettingRowForm } from '@ui/SettingRowForm'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

/** Settings → Location checks: how far from the drop-off and the delivery a point may be. */
export function LocationThresholdsSection({ analyst }: { analyst: Actor }) {
  const stored = useLiveQuery(() => repositories.settings.read(SETTINGS.locationThresholds), [])
  if (!stored) return null
  // Not keyed by the values: saving must not remount the form and drop the focus.
  return <ThresholdsForm stored={stored} analyst={analyst} />
}

function ThresholdsForm({ stored, analyst }: { stored: LocationThresholds; analyst: Actor }) {
  const [metres, setMetres] = useState(String(stored.metres))
  const [minutes, setMinutes] = useState(String(stored.minutes))
  const parsed = LocationThresholdsSchema.safeParse({ metres: Number(metres), minutes: Number(minutes) })
  const problem = (field: 'metres' | 'minutes') =>
    parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === field)?.message
  return (
    <SettingRowForm
      valid={parsed.success}
      saveLabel="Save checks"
      onSave={() =>
        parsed.success &&
        void attempt(
          () => repositories.settings.save(SETTINGS.locationThresholds, parsed.data, analyst),
          `Points over ${parsed.data.metres} m or ${parsed.data.minutes} min away are flagged.`,
        )
      }
    >
      <TextField
        size="small"
        label="Flag points farther than (m)"
        value={metres}
        onChange={(event) => setMetres(event.target.value)}
        error={problem('metres') !== undefined}
        helperText={problem('metres') ?? 'From the drop-off address'}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      <TextField
        size="small"
        label="Or further in time than (min)"
        value={minutes}
        onChange={(event) => setMinutes(event.target.value)}
        error={problem('minutes') !== undefined}
        helperText={problem('minutes') ?? 'From the delivery'}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
    </SettingRowForm>
  )
}
