import { repositories } from '@db/instance'
import { InputAdornment, TextField } from '@mui/material'
import { formatBytes } from '@shared/byte-size'
import type { Actor } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { attempt } from '@ui/notices'
import { SettingRowForm } from '@ui/SettingRowForm'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

const MIB = 1024 ** 2

/** The largest evidence file an import accepts (default 2 GiB). */
export function EvidenceSettingsSection({ analyst }: { analyst: Actor }) {
  const limit = useLiveQuery(() => repositories.settings.read(SETTINGS.evidenceSizeLimit), [])
  if (limit === undefined) return null
  // Not keyed by the limit: saving must not remount the form and drop the focus.
  return <SizeLimitForm limit={limit} analyst={analyst} />
}

function SizeLimitForm({ limit, analyst }: { limit: number; analyst: Actor }) {
  const [mebibytes, setMebibytes] = useState(String(Math.round(limit / MIB)))
  const value = Number(mebibytes)
  const valid = Number.isInteger(value) && value >= 1 && value <= 64 * 1024
  return (
    <SettingRowForm
      valid={valid}
      saveLabel="Save limit"
      onSave={() =>
        void attempt(
          () => repositories.settings.save(SETTINGS.evidenceSizeLimit, value * MIB, analyst),
          `Evidence files up to ${formatBytes(value * MIB)} are accepted.`,
        )
      }
    >
      <TextField
        size="small"
        label="Largest evidence file"
        value={mebibytes}
        onChange={(event) => setMebibytes(event.target.value)}
        error={!valid}
        helperText={
          valid
            ? `${formatBytes(value * MIB)}; larger files are refused with a message`
            : 'A whole number from 1 to 65536'
        }
        slotProps={{
          htmlInput: { inputMode: 'numeric' },
          input: { endAdornment: <InputAdornment position="end">MiB</InputAdornment> },
        }}
      />
    </SettingRowForm>
  )
}
