import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material'
import { type Case, categoryLabel } from '../../../../shared/domain'
import { formatDateTime, formatRelative } from '../../format/time'
import { SeverityChip, StatusChip } from '../queue/CaseChips'

function SlaDue({ label, dueAt, metAt }: { label: string; dueAt: string; metAt: string | null }) {
  const text = metAt ? `met ${formatRelative(metAt)}` : `due ${formatRelative(dueAt)}`
  return (
    <Tooltip
      title={`${label} target: ${formatDateTime(dueAt)}${metAt ? ` · met ${formatDateTime(metAt)}` : ''}`}
    >
      <Typography
        variant="caption"
        color={!metAt && Date.parse(dueAt) < Date.now() ? 'error' : 'text.secondary'}
      >
        {label} {text}
      </Typography>
    </Tooltip>
  )
}

export function CaseHeader({ record }: { record: Case }) {
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
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Typography variant="caption" color="text.secondary">
          Assignee: {record.assigneeName || 'Unassigned'}
        </Typography>
        <SlaDue
          label="First response"
          dueAt={record.sla.firstResponseDueAt}
          metAt={record.sla.firstRespondedAt}
        />
        <SlaDue label="Resolution" dueAt={record.sla.resolutionDueAt} metAt={record.sla.resolvedAt} />
      </Stack>
    </Box>
  )
}
