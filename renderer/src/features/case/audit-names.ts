// Pure, so the audit tab's naming can be tested without a database or a page.
import { type AuditEntry, type AuditedEntity, exhibitLabel, type FieldChange } from '@shared/domain'
import { showUntrusted, showUntrustedLines } from '@shared/untrusted-text'

/** What the audit tab calls each id it may meet: records by what they are, analysts by name. */
export type AuditNames = ReadonlyMap<string, string>

/** A piece of a shown value: plain text, or an id shown by its name (the id kept for hover). */
export type ValuePart = string | { name: string; id: string }

export const ENTITY_LABELS: Record<AuditedEntity, string> = {
  case: 'Case',
  party: 'Party',
  timelineEvent: 'Timeline event',
  task: 'Task',
  note: 'Note',
  communication: 'Communication',
  evidence: 'Exhibit',
  annotation: 'Annotation',
  determination: 'Determination',
  order: 'Order',
  contactAttempt: 'Contact attempt',
  claim: 'Claim',
  report: 'Report',
  reportVersion: 'Report version',
  settings: 'Setting',
}

type Fields = Record<string, unknown>

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

/** Names and file names come from parties and files: shown with direction overrides and controls replaced. */
const untrusted = (value: unknown): string | undefined => {
  const raw = text(value)
  return raw === undefined ? undefined : showUntrusted(raw)
}

/** An analyst's or party's name as shown (see `untrusted`). */
export const shownName = (name: string): string => untrusted(name) ?? name

const EXCERPT_LENGTH = 60

/** The start of a longer text on one line, quoted: “Customer called back about…”. */
export function excerpt(value: unknown): string | undefined {
  const raw = text(value)?.replace(/\s+/g, ' ').trim()
  if (!raw) return undefined
  const shown = showUntrusted(raw)
  return `“${shown.length > EXCERPT_LENGTH ? `${shown.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : shown}”`
}

const isActor = (value: unknown): value is { id: string; name: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  typeof (value as Fields).id === 'string' &&
  typeof (value as Fields).name === 'string'

/** What one record is, from its fields (whole, or as much of it as the audit log recorded). */
function whatItIs(entity: AuditedEntity, fields: Fields, names: Map<string, string>): string | undefined {
  switch (entity) {
    case 'case':
      return text(fields.caseNumber)
    case 'party':
      return untrusted(fields.name)
    case 'evidence':
      return typeof fields.exhibitNumber === 'number' ? exhibitLabel(fields.exhibitNumber) : undefined
    case 'task':
    case 'timelineEvent':
    case 'report':
      return excerpt(fields.title)
    case 'note':
      return excerpt(fields.body)
    case 'claim':
      return excerpt(fields.text)
    case 'communication':
      return excerpt(fields.subject) ?? excerpt(fields.body)
    case 'annotation':
      return excerpt(fields.text) ?? text(fields.kind)
    case 'order':
      return text(fields.orderId)
    case 'reportVersion':
      return typeof fields.number === 'number' ? `version ${fields.number}` : undefined
    case 'determination':
    case 'contactAttempt': {
      const party = typeof fields.partyId === 'string' ? names.get(fields.partyId) : undefined
      return party ? `${entity === 'determination' ? 'for' : 'with'} ${party}` : undefined
    }
    case 'settings':
      return text(fields.key)
  }
}

export interface CaseRecords {
  case?: Fields
  /** The case's live records by kind; a record removed since is named from the audit log. */
  records: Partial<Record<AuditedEntity, readonly object[]>>
  entries: readonly AuditEntry[]
}

// Parties first: determinations and contact attempts are named after their party.
const NAMING_ORDER: AuditedEntity[] = [
  'case',
  'party',
  'evidence',
  'task',
  'note',
  'timelineEvent',
  'communication',
  'annotation',
  'order',
  'claim',
  'report',
  'reportVersion',
  'determination',
  'contactAttempt',
  'settings',
]

/**
 * Every id the case's audit log can mention, named: its records (the live ones as they are now,
 * removed ones as the log last saw them) and the analysts who acted on it or were assigned it.
 */
export function auditNames({ case: caseFields, records, entries }: CaseRecords): AuditNames {
  const names = new Map<string, string>()
  // Oldest first, so a later change's value wins; a removed record keeps its last values.
  const logged = new Map<string, { entity: AuditedEntity; fields: Fields }>()
  for (const entry of [...entries].reverse()) {
    const known = logged.get(entry.entityId) ?? { entity: entry.entity, fields: {} }
    for (const change of entry.changes) {
      const value = change.after ?? change.before
      if (value !== null && value !== undefined) known.fields[change.field] = value
    }
    logged.set(entry.entityId, known)
  }
  for (const entity of NAMING_ORDER) {
    const live = entity === 'case' ? (caseFields ? [caseFields] : []) : (records[entity] ?? [])
    for (const record of live as Fields[]) {
      const name = typeof record.id === 'string' ? whatItIs(entity, record, names) : undefined
      if (name) names.set(record.id as string, name)
    }
    for (const [id, known] of logged) {
      if (known.entity !== entity || names.has(id)) continue
      const name = whatItIs(entity, known.fields, names)
      if (name) names.set(id, name)
    }
  }
  const analyst = (id: unknown, name: unknown) => {
    const shown = untrusted(name)
    if (typeof id === 'string' && id !== '' && shown && !names.has(id)) names.set(id, shown)
  }
  if (caseFields) analyst(caseFields.assigneeId, caseFields.assigneeName)
  for (const entry of entries) {
    analyst(entry.actor.id, entry.actor.name)
    const assigneeId = entry.changes.find((change) => change.field === 'assigneeId')
    const assigneeName = entry.changes.find((change) => change.field === 'assigneeName')
    if (assigneeId && assigneeName) {
      analyst(assigneeId.before, assigneeName.before)
      analyst(assigneeId.after, assigneeName.after)
    }
  }
  return names
}

/** Fields that hold ids (caseId, sourcePartyId, evidenceIds, assigneeId, a reference's id). */
const holdsIds = (field: string) => field === 'id' || /[a-z]Ids?$/.test(field)

/** Fields that hold a party's, analyst's or file's name (name, originalName, assigneeName). */
const holdsName = (field: string) => /(^n|N)ame$/.test(field)

/** A corroboration source key ("party:<id>", "evidence:<id>") by what it points at. */
function sourceKey(key: string, names: AuditNames): ValuePart {
  const [kind, id] = key.split(/:(.*)/s)
  const name = id ? names.get(id) : undefined
  return name && kind ? { name: `${kind} ${name}`, id: key } : showUntrusted(JSON.stringify(key))
}

/**
 * A field's value as the audit tab shows it: ids by name wherever a name is known (the id kept for
 * hover), analysts by name, nested values written out compactly; a missing value is "∅".
 */
export function showValue(value: unknown, names: AuditNames, field = ''): ValuePart[] {
  if (value === null || value === undefined || value === '') return ['∅']
  const named = (id: string): ValuePart => {
    const name = names.get(id)
    return name ? { name, id } : id
  }
  const inner = (item: unknown, key: string): ValuePart[] => {
    if (typeof item === 'string')
      return [holdsIds(key) && names.has(item) ? named(item) : showUntrusted(JSON.stringify(item))]
    return showValue(item, names, key)
  }
  // Every value may quote a party or a file (a title, a detail): shown with controls replaced.
  if (typeof value === 'string')
    return [holdsIds(field) ? named(value) : holdsName(field) ? shownName(value) : showUntrustedLines(value)]
  if (isActor(value)) return [{ name: untrusted(value.name) ?? value.id, id: value.id }]
  if (Array.isArray(value)) {
    const parts: ValuePart[] = ['[']
    value.forEach((item, index) => {
      if (index > 0) parts.push(', ')
      parts.push(...inner(item, field))
    })
    parts.push(']')
    return join(parts)
  }
  if (typeof value === 'object') {
    const parts: ValuePart[] = ['{']
    Object.entries(value).forEach(([key, item], index) => {
      if (index > 0) parts.push(', ')
      parts.push(/^(party|evidence|order):/.test(key) ? sourceKey(key, names) : key, ': ')
      parts.push(...inner(item, key))
    })
    parts.push('}')
    return join(parts)
  }
  return [String(value)]
}

/** Adjacent text pieces as one. */
function join(parts: ValuePart[]): ValuePart[] {
  const joined: ValuePart[] = []
  for (const part of parts) {
    const last = joined.at(-1)
    if (typeof part === 'string' && typeof last === 'string') joined[joined.length - 1] = last + part
    else joined.push(part)
  }
  return joined
}

export interface ShownChange {
  field: string
  before: ValuePart[]
  after: ValuePart[]
}

/**
 * An entry's field changes as shown. The record's own id is left out (the entry names the record and
 * keeps its id on hover). The assignee travels as two fields, its id and its name: one line by name,
 * the id on hover. Every other field with its ids named.
 */
export function showChanges(
  entry: Pick<AuditEntry, 'changes' | 'entityId'>,
  names: AuditNames,
): ShownChange[] {
  const assigneeId = entry.changes.find((change) => change.field === 'assigneeId')
  const assigneeName = entry.changes.find((change) => change.field === 'assigneeName')
  const assignee = (id: unknown, name: unknown): ValuePart[] =>
    typeof id === 'string' && id !== '' && typeof name === 'string' && name !== ''
      ? [{ name: shownName(name), id }]
      : showValue(id, names, 'assigneeId')
  const ownId = (change: FieldChange) =>
    change.field === 'id' && (change.before ?? change.after) === entry.entityId
  return entry.changes
    .filter((change) => !(assigneeName && change === assigneeId) && !ownId(change))
    .map((change) =>
      change === assigneeName && assigneeId
        ? {
            field: change.field,
            before: assignee(assigneeId.before, assigneeName.before),
            after: assignee(assigneeId.after, assigneeName.after),
          }
        : {
            field: change.field,
            before: showValue(change.before, names, change.field),
            after: showValue(change.after, names, change.field),
          },
    )
}

/** "Party Dana Okafor", "Exhibit E-3": the record an entry is about, unless its summary says so already. */
export function entrySubject(
  entry: Pick<AuditEntry, 'entity' | 'entityId' | 'summary'>,
  names: AuditNames,
): { label: string; id: string } | undefined {
  const name = names.get(entry.entityId)
  if (!name) return undefined
  // Summaries quote titles in their own way and cut them at their own length: compare the words.
  const words = name.replace(/^“|…?”$/g, '')
  if (showUntrusted(entry.summary).includes(words)) return undefined
  return { label: `${ENTITY_LABELS[entry.entity]} ${name}`, id: entry.entityId }
}
