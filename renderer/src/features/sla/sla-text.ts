import { SLA_TARGET_LABEL, type SlaTargetClock } from '../../../../shared/sla/clock'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "2 d 4 h", "3 h 15 min", "40 min": precise enough for a countdown, short enough for a chip. */
export function formatWorkingTime(ms: number): string {
  const total = Math.abs(ms)
  if (total >= DAY) {
    const days = Math.floor(total / DAY)
    const hours = Math.floor((total % DAY) / HOUR)
    return hours ? `${days} d ${hours} h` : `${days} d`
  }
  if (total >= HOUR) {
    const hours = Math.floor(total / HOUR)
    const minutes = Math.floor((total % HOUR) / MINUTE)
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`
  }
  return `${Math.max(1, Math.floor(total / MINUTE))} min`
}

/** What an SLA chip says: time left, time over, paused with time left, or met. */
export function describeSlaClock(clock: SlaTargetClock): string {
  const label = SLA_TARGET_LABEL[clock.target]
  if (clock.phase === 'done') return clock.health === 'breached' ? `${label} met late` : `${label} met`
  if (clock.remainingMs <= 0) return `${label} overdue ${formatWorkingTime(clock.remainingMs)}`
  if (clock.phase === 'paused') return `${label} paused · ${formatWorkingTime(clock.remainingMs)} left`
  return `${label} ${formatWorkingTime(clock.remainingMs)} left`
}

/** The queue's short form: "FR 40 min", "Res −2 h", "Res paused". */
export function describeSlaClockBriefly(clock: SlaTargetClock): string {
  const label = clock.target === 'first_response' ? 'FR' : 'Res'
  if (clock.phase === 'done') return `${label} met`
  if (clock.remainingMs <= 0) return `${label} −${formatWorkingTime(clock.remainingMs)}`
  if (clock.phase === 'paused') return `${label} paused`
  return `${label} ${formatWorkingTime(clock.remainingMs)}`
}
