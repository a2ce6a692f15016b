import { titleWords } from '@shared/domain/title-words'
import type { CaseRow } from '../schema'
import type { Migration } from './migration'

// Title words are indexed (multi-entry), so searching titles is an index read, not a scan of every
// case. The derived-fields middleware fills the words in as the upgrade rewrites each case.
export const v03TitleWords: Migration = {
  version: 3,
  stores: {
    cases:
      'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, *titleWords, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
  },
  upgrade: (tx) =>
    tx
      .table('cases')
      .toCollection()
      .modify((record: CaseRow) => {
        record.titleWords = titleWords(record.title)
      }),
}
