import {
  type Claim,
  type CorroborationCell,
  type Evidence,
  exhibitLabel,
  type Finding,
  type OrderRecord,
  PARTY_ROLE_LABELS,
  type Party,
  STANCE_LABELS,
  type StandardOfProof,
} from '../../domain'

/** A column of the corroboration matrix. */
export interface CorroborationSource {
  key: string
  label: string
  kind: 'party' | 'evidence' | 'order'
  /** The evidence item behind an evidence source. */
  evidenceId: string | null
}

/** The sources a case's claims are checked against: each party's statement, each exhibit, each order. */
export function corroborationSources(records: {
  parties: readonly Party[]
  evidence: readonly Evidence[]
  orders: readonly OrderRecord[]
}): CorroborationSource[] {
  return [
    ...records.parties.map((party) => ({
      key: `party:${party.id}`,
      label: `${party.name} (${PARTY_ROLE_LABELS[party.role].toLowerCase()}) statement`,
      kind: 'party' as const,
      evidenceId: null,
    })),
    ...records.evidence
      .filter((item) => !item.removed)
      .map((item) => ({
        key: `evidence:${item.id}`,
        label: `${exhibitLabel(item.exhibitNumber)} ${item.originalName}`,
        kind: 'evidence' as const,
        evidenceId: item.id,
      })),
    ...records.orders.map((order) => ({
      key: `order:${order.id}`,
      label: `Order data ${order.orderId}`,
      kind: 'order' as const,
      evidenceId: null,
    })),
  ]
}

const SILENT: CorroborationCell = { stance: 'silent', note: '' }
export const cellOf = (claim: Pick<Claim, 'cells'>, key: string): CorroborationCell =>
  claim.cells[key] ?? SILENT

/**
 * What the sources say of a claim, and the standard that suggests: confirmed when two or more
 * sources support it and none contradicts; more likely than not when supports outnumber
 * contradictions; unsubstantiated otherwise.
 */
export function claimStanding(claim: Pick<Claim, 'cells'>, sources: readonly CorroborationSource[]) {
  const stances = sources.map((source) => cellOf(claim, source.key).stance)
  const supports = stances.filter((stance) => stance === 'supports').length
  const contradicts = stances.filter((stance) => stance === 'contradicts').length
  const standard: StandardOfProof =
    supports >= 2 && contradicts === 0
      ? 'confirmed'
      : supports > contradicts
        ? 'more_likely_than_not'
        : 'unsubstantiated'
  return { supports, contradicts, standard }
}

/** A determination finding drafted from a claim: its words, the exhibits that support it, the standard. */
export function findingFromClaim(
  claim: Pick<Claim, 'text' | 'cells'>,
  sources: readonly CorroborationSource[],
): Omit<Finding, 'id'> {
  return {
    statement: claim.text,
    evidenceIds: sources
      .filter((source) => source.evidenceId !== null && cellOf(claim, source.key).stance === 'supports')
      .map((source) => source.evidenceId!),
    standard: claimStanding(claim, sources).standard,
  }
}

/** The matrix as a report table: a row per claim, a column per source, each cell its stance and note. */
export function corroborationTable(
  claims: readonly Claim[],
  sources: readonly CorroborationSource[],
): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Claim', ...sources.map((source) => source.label)],
    rows: [...claims]
      .sort((a, b) => a.position - b.position)
      .map((claim) => [
        claim.text,
        ...sources.map((source) => {
          const cell = cellOf(claim, source.key)
          return cell.note ? `${STANCE_LABELS[cell.stance]}: ${cell.note}` : STANCE_LABELS[cell.stance]
        }),
      ]),
  }
}
