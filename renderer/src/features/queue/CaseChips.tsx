import { Chip } from '@mui/material'
import { useTheme } from '@mui/material/styles'
import { CASE_STATUS_INFO, type CaseStatus, type Severity } from '@shared/domain'
import { SEVERITY_COLOURS, STATUS_COLOURS } from '@ui/theme/theme'

export function SeverityChip({ severity }: { severity: Severity }) {
  const mode = useTheme().palette.mode
  const colour = SEVERITY_COLOURS[severity][mode]
  return (
    <Chip
      label={severity}
      variant="outlined"
      sx={{ color: colour, borderColor: colour, fontWeight: 700, minWidth: 38 }}
    />
  )
}

export function StatusChip({ status }: { status: CaseStatus }) {
  return <Chip label={CASE_STATUS_INFO[status].label} color={STATUS_COLOURS[status]} variant="outlined" />
}
