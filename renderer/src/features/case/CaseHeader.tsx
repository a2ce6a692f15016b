import { Box, Chip, Stack, Typography } from '@mui/material'
import { type Case, categoryLabel } from '../../../../shared/domain'
import { computeSlaClocks } from '../../../../shared/sla/clock'
import { SeverityChip, StatusChip } from '../queue/CaseChips'
import { SlaChip } from '../sla/SlaChip'
import { useNow } from '../sla/useNow'
import { useSlaPolicy } from '../sla/useSlaPolicy'

export function CaseHeader({ record }: { record: Case }) {
  const policy = useSlaPolicy()
  const now = useNow()
  const clocks = policy && computeSlaClocks(record.slaEvents, policy, new Date(now).toISOString())
  return (
    <Box data-testid="case-header" sx={{ px: 2, pt: 1.5, pb: 1 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
          {record.caseNumber}
        </Typography>
        <SeverityChip severity={record.severity} />
        <StatusChip status={record.status} />
        <Chip label={categoryLabel(record.category)} />
        {record.tags.map((tag) => (
          <Chip key={tag} label={tag} variant="outlined" />
        ))}
      </Stack>
      <Typography variant="h1" component="h2" sx={{ mt: 0.5 }}>
        {record.title}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          Assignee: {record.assigneeName || 'Unassigned'}
        </Typography>
        {clocks && (
          <>
            <SlaChip clock={clocks.firstResponse} />
            <SlaChip clock={clocks.resolution} />
          </>
        )}
      </Stack>
    </Box>
  )
}
