import type { SlaClockEvent } from '@shared/domain'
import { computeSlaClocks, type SlaClocks } from '@shared/rules/sla/clock'
import { useNow } from './useNow'
import { useSlaPolicy } from './useSlaPolicy'

/** A case's SLA clocks under the policy in force, re-read every 30 s; undefined while loading. */
export function useSlaClocks(events: readonly SlaClockEvent[]): SlaClocks | undefined {
  const policy = useSlaPolicy()
  const now = useNow()
  return policy && computeSlaClocks(events, policy, new Date(now).toISOString())
}
