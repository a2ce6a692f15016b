import { SlaChip } from '@features/sla'
import { Box, Stack, Typography } from '@mui/material'
import { type Case, categoryLabel } from '@shared/domain'
import { currentSlaClock } from '@shared/rules/sla/case-sla'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import type { SlaPolicy } from '@shared/rules/sla/policy'
import { showUntrusted } from '@shared/untrusted-text'
import { formatDateTime, formatRelative } from '@ui/format/time'
import { memo, useMemo } from 'react'
import { SeverityChip, StatusChip } from './CaseChips'

export const QUEUE_ROW_HEIGHT = 60

interface QueueRowProps {
  record: Case
  /** The SLA policy and the queue's clock the row's SLA chip is read at (null while loading). */
  policy: SlaPolicy | undefined
  now: string
  selected: boolean
  top: number
  height: number
  onOpen(caseId: string): void
}

/**
 * One case in the queue. Memoised on what it shows: scrolling or switching views re-renders only
 * rows whose case, position, selection or clock changed.
 */
export const QueueRow = memo(
  function QueueRow({ record, policy, now, selected, top, height, onOpen }: QueueRowProps) {
    // The SLA target that matters now, read at the queue's clock; null when none is pending.
    const slaClock = useMemo(
      () => (policy ? currentSlaClock(computeSlaClocks(record.slaEvents, policy, now)) : null),
      [record.slaEvents, policy, now],
    )
    return (
      <Box
        role="row"
        aria-selected={selected}
        data-testid="queue-row"
        data-case-number={record.caseNumber}
        onClick={() => onOpen(record.id)}
        style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` }}
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
          <Typography
            variant="caption"
            color="text.secondary"
            noWrap
            title={`Updated ${formatDateTime(record.updatedAt)}`}
          >
            {formatRelative(record.updatedAt)}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', minWidth: 0 }}>
          <Typography
            variant="body2"
            noWrap
            sx={{ flexGrow: 1, minWidth: 0 }}
            title={showUntrusted(record.title)}
          >
            {showUntrusted(record.title)}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap>
            {categoryLabel(record.category)} · {record.assigneeName || 'Unassigned'}
          </Typography>
        </Stack>
      </Box>
    )
  },
  (before, after) =>
    before.record.id === after.record.id &&
    before.record.updatedAt === after.record.updatedAt &&
    before.record.slaDueAt === after.record.slaDueAt &&
    before.policy === after.policy &&
    before.now === after.now &&
    before.selected === after.selected &&
    before.top === after.top &&
    before.height === after.height &&
    before.onOpen === after.onOpen,
)
