import type { Migration } from './migration'
import { v01InitialStores } from './v01-initial-stores'
import { v02SlaEvents } from './v02-sla-events'
import { v03TitleWords } from './v03-title-words'
import { v04Annotations } from './v04-annotations'
import { v05TeamSync } from './v05-team-sync'
import { v06ViolatedClausesIndex } from './v06-violated-clauses-index'
import { v07Orders } from './v07-orders'
import { v08FactTables } from './v08-fact-tables'
import { v09PartyVerification } from './v09-party-verification'
import { v10CountFactsAfresh } from './v10-count-facts-afresh'
import { v11DropViolatedClauses } from './v11-drop-violated-clauses'
import { v12RetimeOpenCases } from './v12-retime-open-cases'

export type { Migration } from './migration'

/** Every version of the database in order: each one's stores are laid over those before it. */
export const MIGRATIONS: readonly Migration[] = [
  v01InitialStores,
  v02SlaEvents,
  v03TitleWords,
  v04Annotations,
  v05TeamSync,
  v06ViolatedClausesIndex,
  v07Orders,
  v08FactTables,
  v09PartyVerification,
  v10CountFactsAfresh,
  v11DropViolatedClauses,
  v12RetimeOpenCases,
]
