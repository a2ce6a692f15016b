import { Box, Stack, Tooltip, Typography } from '@mui/material'
import type { CSSProperties } from 'react'
import { type Case, categoryLabel } from '../../../../shared/domain'
import type { SlaTargetClock } from '../../../../shared/sla/clock'
import { formatDateTime, formatRelative } from '../../format/time'
import { SlaChip } from '../sla/SlaChip'
import { SeverityChip, StatusChip } from './CaseChips'

export const QUEUE_ROW_HEIGHT = 60

export function QueueRow({
  record,
  slaClock,
  selected,
  style,
  onOpen,
}: {
  record: Case
  /** The SLA target that matters now, read at the queue's clock; null when none is pending. */
  slaClock: SlaTargetClock | null
  selected: boolean
  style: CSSProperties
  onOpen(): void
}) {
  return (
    <Box
      role="row"
      aria-selected={selected}
      data-testid="queue-row"
      data-case-number={record.caseNumber}
      onClick={onOpen}
      style={style}
      sx={{
        px: 1.5,
        py: 0.75,
        cursor: 'pointer',
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: selected ? 'action.selected' : undefined,
        '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 500 }}>
          {record.caseNumber}
        </Typography>
        <SeverityChip severity={record.severity} />
        <StatusChip status={record.status} />
        {slaClock && <SlaChip clock={slaClock} compact />}
        <Box sx={{ flexGrow: 1 }} />
        <Tooltip title={`Updated ${formatDateTime(record.updatedAt)}`}>
          <Typography variant="caption" color="text.secondary" noWrap>
            {formatRelative(record.updatedAt)}
          </Typography>
        </Tooltip>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', minWidth: 0 }}>
        <Typography variant="body2" noWrap sx={{ flexGrow: 1, minWidth: 0 }} title={record.title}>
          {record.title}
        </Typography>
        <Typography variant="caption" color="text.secondary" noWrap>
          {categoryLabel(record.category)} · {record.assigneeName || 'Unassigned'}
        </Typography>
      </Stack>
    </Box>
  )
}
