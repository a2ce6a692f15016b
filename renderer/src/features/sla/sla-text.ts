import { SLA_TARGET_LABEL, type SlaTargetClock } from '@shared/rules/sla/clock'

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

/**
 * What an SLA chip says: time left, time over, paused (with the time left or over), or met. A paused
 * clock says so first: it is not counting, so the queue sorts it after every running one.
 */
export function describeSlaClock(clock: SlaTargetClock): string {
  const label = SLA_TARGET_LABEL[clock.target]
  if (clock.phase === 'done') return clock.health === 'breached' ? `${label} met late` : `${label} met`
  const over = clock.remainingMs <= 0
  if (clock.phase === 'paused')
    return `${label} paused · ${formatWorkingTime(clock.remainingMs)} ${over ? 'over' : 'left'}`
  if (over) return `${label} overdue ${formatWorkingTime(clock.remainingMs)}`
  return `${label} ${formatWorkingTime(clock.remainingMs)} left`
}

/** The queue's short form: "FR 40 min", "Res −2 h", "Res paused", "Res paused −2 h". */
export function describeSlaClockBriefly(clock: SlaTargetClock): string {
  const label = clock.target === 'first_response' ? 'FR' : 'Res'
  if (clock.phase === 'done') return `${label} met`
  const over = clock.remainingMs <= 0 ? `−${formatWorkingTime(clock.remainingMs)}` : ''
  if (clock.phase === 'paused') return over ? `${label} paused ${over}` : `${label} paused`
  return over ? `${label} ${over}` : `${label} ${formatWorkingTime(clock.remainingMs)}`
}
