import { repositories } from '@db/instance'
import { TextField } from '@mui/material'
import type { Actor } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { attempt } from '@ui/notices'
import { SettingRowForm } from '@ui/SettingRowForm'
import { useState } from 'react'
import { useStoredApprovalThreshold } from './useApprovalThreshold'

/** Settings → Determinations: the reimbursement above which a lead must approve. */
export function ApprovalThresholdSection({ analyst }: { analyst: Actor }) {
  const threshold = useStoredApprovalThreshold()
  if (threshold === undefined) return null
  // Not keyed by the amount: saving must not remount the form and drop the focus.
  return <ThresholdForm threshold={threshold} analyst={analyst} />
}

function ThresholdForm({ threshold, analyst }: { threshold: number; analyst: Actor }) {
  const [amount, setAmount] = useState(String(threshold))
  const value = Number(amount)
  const valid = amount.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1_000_000
  return (
    <SettingRowForm
      valid={valid}
      saveLabel="Save amount"
      onSave={() =>
        void attempt(
          () => repositories.settings.save(SETTINGS.approvalThreshold, value, analyst),
          `Reimbursements above ${value} now need a lead's approval.`,
        )
      }
    >
      <TextField
        size="small"
        label="Lead approval for reimbursements above"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={!valid}
        helperText={
          valid
            ? 'In the reimbursement’s currency (USD or CAD). Deactivations always need a lead.'
            : 'An amount from 0 to 1,000,000'
        }
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        sx={{ minWidth: 320 }}
      />
    </SettingRowForm>
  )
}
