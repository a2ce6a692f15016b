import { z } from 'zod'
import { TimeZoneSchema } from '../../domain/primitives'
import { SEVERITIES, type Severity } from '../../domain/severity'

/**
 * A target as the policy states it. Under business hours, hours are working hours and a day is one
 * working day (the length of the business day), so "7 d" means seven business days.
 */
export const SlaDurationSchema = z.object({
  amount: z.number().positive('a target must be longer than zero').max(10_000),
  unit: z.enum(['minutes', 'hours', 'days']),
})
export type SlaDuration = z.infer<typeof SlaDurationSchema>

export const SlaTargetsSchema = z.object({
  firstResponse: SlaDurationSchema,
  resolution: SlaDurationSchema,
})
export type SlaTargets = z.infer<typeof SlaTargetsSchema>

const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day looks like 09:00 (24-hour clock)')

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7)

export const SlaScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar') }),
  z
    .object({
      kind: z.literal('business'),
      timeZone: TimeZoneSchema,
      days: z.array(WeekdaySchema).min(1, 'choose at least one working day').max(7),
      opensAt: LocalTimeSchema,
      closesAt: LocalTimeSchema,
    })
    .refine((schedule) => schedule.opensAt < schedule.closesAt, {
      message: 'the working day must close after it opens',
      path: ['closesAt'],
    }),
])
export type SlaSchedule = z.infer<typeof SlaScheduleSchema>
export type BusinessSchedule = Extract<SlaSchedule, { kind: 'business' }>

export const SlaPolicySchema = z.object({
  targets: z.object(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, SlaTargetsSchema])) as Record<
      Severity,
      typeof SlaTargetsSchema
    >,
  ),
  schedule: SlaScheduleSchema,
  /** A running target is at risk when this fraction of its time or less is left (0.25 = 25%). */
  atRiskFraction: z.number().min(0.01).max(0.9),
})
export type SlaPolicy = z.infer<typeof SlaPolicySchema>

const hours = (amount: number): SlaDuration => ({ amount, unit: 'hours' })
const days = (amount: number): SlaDuration => ({ amount, unit: 'days' })

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  targets: {
    S1: { firstResponse: hours(1), resolution: hours(24) },
    S2: { firstResponse: hours(4), resolution: hours(72) },
    S3: { firstResponse: hours(24), resolution: days(7) },
    S4: { firstResponse: hours(72), resolution: days(14) },
  },
  schedule: { kind: 'calendar' },
  atRiskFraction: 0.25,
}

/** The policy a stored setting holds, or the default when there is none or it no longer parses. */
export function storedSlaPolicy(value: unknown): SlaPolicy {
  const parsed = SlaPolicySchema.safeParse(value)
  return parsed.success ? parsed.data : DEFAULT_SLA_POLICY
}

export function formatSlaDuration(duration: SlaDuration): string {
  const short = { minutes: 'min', hours: 'h', days: 'd' }[duration.unit]
  return `${duration.amount} ${short}`
}
