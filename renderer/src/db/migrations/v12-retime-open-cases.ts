import type { Case } from '@shared/domain'
import { OPEN_STATUSES } from '@shared/domain/case-status'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { storedSlaPolicy } from '@shared/rules/sla/policy'
import type { Migration } from './migration'

// An open case's SLA due instant is when the target its chip shows runs out, counted as the clock
// counts (a pause after a breach moves it too), so the queue's SLA order and its chips agree; stored
// cases are re-timed under the workstation's policy. No index changes.
export const v12RetimeOpenCases: Migration = {
  version: 12,
  stores: {},
  upgrade: async (tx) => {
    const policy = storedSlaPolicy((await tx.table('settings').get('slaPolicy'))?.value)
    await tx
      .table('cases')
      .where('status')
      .anyOf([...OPEN_STATUSES])
      .modify((record: Case) => {
        Object.assign(record, caseSlaInstants(record.slaEvents, policy))
      })
  },
}
