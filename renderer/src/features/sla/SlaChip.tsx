import { Chip, Tooltip } from '@mui/material'
import { SLA_TARGET_LABEL, type SlaTargetClock } from '@shared/rules/sla/clock'
import { formatDateTime } from '@ui/format/time'
import { describeSlaClock, describeSlaClockBriefly, formatWorkingTime } from './sla-text'

const COLOR = { ok: 'success', at_risk: 'warning', breached: 'error' } as const

/** One SLA target as a chip coloured ok / at risk / breached, with the exact times in its tooltip. */
export function SlaChip({ clock, compact = false }: { clock: SlaTargetClock; compact?: boolean }) {
  const label = SLA_TARGET_LABEL[clock.target]
  const details = [
    `${label}: ${formatWorkingTime(clock.allowedMs)} allowed, ${formatWorkingTime(clock.elapsedMs)} used`,
    clock.dueAt && `Due ${formatDateTime(clock.dueAt)}`,
    clock.breachedAt && `Breached ${formatDateTime(clock.breachedAt)}`,
    clock.completedAt && `Met ${formatDateTime(clock.completedAt)}`,
  ].filter(Boolean)
  const chip = (title?: string) => (
    <Chip
      title={title}
      size="small"
      variant={clock.phase === 'done' ? 'outlined' : 'filled'}
      // Green only while a clock runs on track: met or paused-on-track clocks are neutral.
      color={clock.phase !== 'running' && clock.health === 'ok' ? 'default' : COLOR[clock.health]}
      label={compact ? describeSlaClockBriefly(clock) : describeSlaClock(clock)}
      data-testid={`sla-${clock.target}`}
      data-health={clock.health}
    />
  )
  // The queue shows dozens of chips at once: a plain title there, the richer tooltip in the header.
  return compact ? chip(details.join(' · ')) : <Tooltip title={details.join(' · ')}>{chip()}</Tooltip>
}
