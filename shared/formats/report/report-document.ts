import { z } from 'zod'
import { formatBytes } from '../../byte-size'
import type {
  Case,
  Claim,
  Communication,
  Determination,
  Evidence,
  OrderRecord,
  Party,
  TimelineEvent,
} from '../../domain'
import { exhibitLabel, PARTY_ROLE_LABELS, STANDARD_OF_PROOF_LABELS, TIMELINE_KIND_LABELS } from '../../domain'
import { incidentTimeText } from '../../domain/incident-time'
import { formatReportTime } from '../../printed-time'
import { CALL_OUTCOME_LABELS, CHANNEL_LABELS } from '../../rules/communications/describe'
import { withOrderEvents } from '../../rules/orders/order-timeline'
import { describeOutcome } from '../../rules/policy/determination-review'
import { clauseIndex, type PolicyDocument } from '../../rules/policy/policy-document'
import { corroborationSources, corroborationTable } from '../../rules/verification/corroboration'
import { CASE_TABLE_SECTIONS, type CaseTableSource, REPORT_SECTIONS } from './report-templates'

/**
 * The report body is the editor's own JSON (ProseMirror nodes). These are the node and mark types it
 * may hold; anything else (from a broken client or a hand-edited bundle) is refused on the way in.
 */
export const REPORT_NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'evidenceReference',
  'exhibitFigure',
  'partyMention',
  'policyClause',
  'caseTable',
] as const
export const REPORT_MARK_TYPES = [
  'bold',
  'italic',
  'underline',
  'strike',
  'code',
  'link',
  'redaction',
] as const

export interface ReportMark {
  type: (typeof REPORT_MARK_TYPES)[number]
  attrs?: Record<string, unknown>
}
export interface ReportNode {
  type: (typeof REPORT_NODE_TYPES)[number]
  attrs?: Record<string, unknown>
  content?: ReportNode[]
  text?: string
  marks?: ReportMark[]
}

const MarkSchema = z.object({
  type: z.enum(REPORT_MARK_TYPES),
  attrs: z.record(z.string(), z.unknown()).optional(),
})
export const ReportNodeSchema: z.ZodType<ReportNode> = z.lazy(() =>
  z.object({
    type: z.enum(REPORT_NODE_TYPES),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(ReportNodeSchema).max(20_000).optional(),
    text: z.string().max(200_000).optional(),
    marks: z.array(MarkSchema).max(20).optional(),
  }),
)
export const ReportDocumentSchema = z.object({
  type: z.literal('doc'),
  content: z.array(ReportNodeSchema).max(20_000).optional(),
})
export type ReportDocument = z.infer<typeof ReportDocumentSchema>

/** What a report's structured sections are filled from. */
export interface ReportCaseRecords {
  case: Case
  parties: Party[]
  timeline: TimelineEvent[]
  evidence: Evidence[]
  communications: Communication[]
  determinations: Determination[]
  /** The case's orders: their events are on the timeline, as order data. */
  orders: OrderRecord[]
  /** The corroboration matrix's claims. */
  claims: Claim[]
  /** The policy library in force, for the titles of the clauses considered. */
  policyLibrary: PolicyDocument[]
}

export interface CaseTable {
  columns: string[]
  rows: string[][]
}

/** One structured section's table, filled from the case as it is now. */
export function caseTable(source: CaseTableSource, records: ReportCaseRecords, timeZone: string): CaseTable {
  const when = (iso: string) => formatReportTime(iso, timeZone)
  const partyName = (id: string | null) => records.parties.find((party) => party.id === id)?.name ?? ''
  const partyLabel = (id: string) => {
    const party = records.parties.find((candidate) => candidate.id === id)
    return party ? `${party.name} (${PARTY_ROLE_LABELS[party.role].toLowerCase()})` : 'a removed party'
  }
  const exhibits = (ids: readonly string[]) =>
    ids
      .map((id) => records.evidence.find((item) => item.id === id))
      .filter((item) => item !== undefined)
      .map((item) => exhibitLabel(item.exhibitNumber))
      .join(', ')
  const clauses = clauseIndex(records.policyLibrary)
  switch (source) {
    case 'parties':
      return {
        columns: ['Role', 'Name', 'Account', 'Contact'],
        rows: records.parties.map((party) => [
          PARTY_ROLE_LABELS[party.role],
          party.name,
          party.accountId ?? '',
          [party.contact.phone, party.contact.email, party.contact.address].filter(Boolean).join(' · '),
        ]),
      }
    case 'timeline': {
      // The incident itself leads: when (its own zone's clock and the analyst's) and where.
      const place = records.case.location.trim()
      const incident = [
        incidentTimeText(records.case.occurredAt, records.case.incidentTimeZone, timeZone),
        'Incident',
        place ? `At ${place}` : 'Place not recorded',
      ]
      return {
        columns: ['When', 'Kind', 'What happened'],
        rows: [
          incident,
          ...withOrderEvents(records.timeline, records.orders).map((event) => [
            when(event.occurredAt),
            TIMELINE_KIND_LABELS[event.kind],
            event.title,
          ]),
        ],
      }
    }
    case 'evidence':
      return {
        columns: ['Exhibit', 'File', 'Type', 'Size', 'Acquired', 'SHA-256'],
        rows: records.evidence
          .filter((item) => !item.removed)
          .map((item) => [
            exhibitLabel(item.exhibitNumber),
            item.originalName,
            // An incomplete or damaged photo says so wherever it is listed, with the reason.
            item.damage
              ? `${item.detectedType} (${item.damage.kind}: ${item.damage.detail})`
              : item.detectedType,
            formatBytes(item.size),
            when(item.acquiredAt),
            item.sha256,
          ]),
      }
    case 'communications':
      return {
        columns: ['When', 'Channel', 'Party', 'Subject or summary', 'Outcome'],
        rows: [...records.communications]
          .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
          .map((message) => [
            when(message.occurredAt),
            `${CHANNEL_LABELS[message.channel]} (${message.direction})`,
            partyName(message.partyId),
            message.subject || message.body.slice(0, 200),
            message.outcome ? CALL_OUTCOME_LABELS[message.outcome] : '',
          ]),
      }
    case 'findings':
      return {
        columns: ['Party', 'Finding', 'Exhibits', 'Standard'],
        rows: records.determinations.flatMap((determination) =>
          determination.findings.map((finding) => [
            partyLabel(determination.partyId),
            finding.statement,
            exhibits(finding.evidenceIds),
            STANDARD_OF_PROOF_LABELS[finding.standard],
          ]),
        ),
      }
    case 'clauses':
      return {
        columns: ['Party', 'Clause', 'Violated'],
        rows: records.determinations.flatMap((determination) =>
          determination.clauses.map((considered) => [
            partyLabel(determination.partyId),
            [considered.clauseId, clauses.get(considered.clauseId)?.clause.title].filter(Boolean).join(' '),
            considered.violated ? 'Violated' : 'Not violated',
          ]),
        ),
      }
    case 'corroboration':
      return corroborationTable(records.claims, corroborationSources(records))
    case 'determinations':
      return {
        columns: ['Party', 'Outcome', 'Rationale', 'Lead approval'],
        rows: records.determinations
          .filter((determination) => determination.outcome !== null)
          .map((determination) => [
            partyLabel(determination.partyId),
            describeOutcome(determination.outcome!),
            [
              determination.rationale,
              determination.justification &&
                `Outside the recommended outcomes because: ${determination.justification}`,
            ]
              .filter(Boolean)
              .join('\n'),
            determination.approval
              ? `Approved by ${determination.approval.approver.name}, ${when(determination.approval.at)}`
              : '',
          ]),
      }
  }
}

export function caseTableNode(
  source: CaseTableSource,
  records: ReportCaseRecords,
  timeZone: string,
  at: string,
): ReportNode {
  return { type: 'caseTable', attrs: { source, refreshedAt: at, ...caseTable(source, records, timeZone) } }
}

const text = (value: string): ReportNode[] => (value.trim() ? [{ type: 'text', text: value.trim() }] : [])

/**
 * A new report: each section's heading, its case table where it has one, and an
 * empty paragraph for the analyst (the Summary starts from the case summary).
 */
export function newReportDocument(records: ReportCaseRecords, timeZone: string, at: string): ReportDocument {
  // Every template has these sections; templates differ in the guidance the editor shows.
  const content: ReportNode[] = []
  for (const section of REPORT_SECTIONS) {
    content.push({ type: 'heading', attrs: { level: 1 }, content: text(section) })
    const source = (CASE_TABLE_SECTIONS as Partial<Record<string, CaseTableSource>>)[section]
    if (source) content.push(caseTableNode(source, records, timeZone, at))
    content.push({ type: 'paragraph', content: section === 'Summary' ? text(records.case.summary) : [] })
  }
  return { type: 'doc', content }
}

function mapNodes(node: ReportNode, change: (node: ReportNode) => ReportNode): ReportNode {
  const next = change(node)
  return next.content ? { ...next, content: next.content.map((child) => mapNodes(child, change)) } : next
}

/**
 * Re-fills every case table from the case as it is now; the analyst's own text is untouched. A
 * section that has its heading but not its table (a report started before that table existed, or
 * whose table was deleted) gets the table again, under the heading.
 */
export function refreshCaseTables(
  document: ReportDocument,
  records: ReportCaseRecords,
  timeZone: string,
  at: string,
): ReportDocument {
  const refreshed = mapNodes(document as ReportNode, (node) =>
    node.type === 'caseTable'
      ? caseTableNode(node.attrs?.source as CaseTableSource, records, timeZone, at)
      : node,
  ) as ReportDocument
  const present = new Set(
    [...reportNodes(refreshed)].map((node) => node.type === 'caseTable' && node.attrs?.source),
  )
  const tables = CASE_TABLE_SECTIONS as Partial<Record<string, CaseTableSource>>
  const content = (refreshed.content ?? []).flatMap((node) => {
    const source =
      node.type === 'heading' && node.attrs?.level === 1 ? tables[nodeText(node).trim()] : undefined
    return source && !present.has(source) ? [node, caseTableNode(source, records, timeZone, at)] : [node]
  })
  return { ...refreshed, content }
}

/** Every node of the document, depth first. */
export function* reportNodes(node: ReportNode | ReportDocument): Generator<ReportNode> {
  yield node as ReportNode
  for (const child of node.content ?? []) yield* reportNodes(child)
}

/** The text of a node and its descendants (redacted text included: callers decide what to show). */
export function nodeText(node: ReportNode): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(nodeText).join('')
}

export interface ReportHeading {
  level: number
  text: string
}

/** The headings that make the table of contents (levels 1 and 2), in order. */
export function reportHeadings(document: ReportDocument): ReportHeading[] {
  const headings: ReportHeading[] = []
  for (const node of reportNodes(document))
    if (node.type === 'heading') {
      const level = Number(node.attrs?.level ?? 1)
      const title = nodeText(node).trim()
      if (level <= 2 && title) headings.push({ level, text: title })
    }
  return headings
}

/** The evidence items a report cites (references and figures), for their chain of custody. */
export function citedEvidenceIds(document: ReportDocument): string[] {
  const ids = new Set<string>()
  for (const node of reportNodes(document))
    if (
      (node.type === 'evidenceReference' || node.type === 'exhibitFigure') &&
      typeof node.attrs?.evidenceId === 'string'
    )
      ids.add(node.attrs.evidenceId)
  return [...ids]
}
