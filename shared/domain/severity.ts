import { z } from 'zod'

export const SEVERITIES = ['S1', 'S2', 'S3', 'S4'] as const
export const SeveritySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof SeveritySchema>

export const SEVERITY_INFO: Record<Severity, { label: string; meaning: string }> = {
  S1: {
    label: 'S1 — critical',
    meaning: 'Ongoing danger, serious injury, weapon, sexual assault, credible threat: act in minutes.',
  },
  S2: {
    label: 'S2 — high',
    meaning: 'Injury or significant property damage, harassment with identifiable target.',
  },
  S3: {
    label: 'S3 — moderate',
    meaning: 'Property damage of modest value, verbal abuse, missing items with suspicion of theft.',
  },
  S4: { label: 'S4 — low', meaning: 'Low impact, informational, pattern monitoring.' },
}

/** S1 sorts first: a lower rank is more urgent. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}
