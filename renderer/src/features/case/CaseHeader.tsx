import { SeverityChip, StatusChip } from '@features/queue'
import { SlaChip, useSlaClocks } from '@features/sla'
import { Box, Chip, Stack, Typography } from '@mui/material'
import { type Case, categoryLabel } from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'
import { CaseActions } from './CaseActions'

export function CaseHeader({ record }: { record: Case }) {
  const clocks = useSlaClocks(record.slaEvents)
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
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Typography variant="h1" component="h2" sx={{ flex: 1, minWidth: 0 }}>
          {/* Titles come from tickets and imports: shown with controls and overrides replaced. */}
          {showUntrusted(record.title)}
        </Typography>
        <CaseActions record={record} />
      </Stack>
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
