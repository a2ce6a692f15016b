import { z } from 'zod'
import {
  AuditEntrySchema,
  CaseSchema,
  ClaimSchema,
  CommunicationSchema,
  ContactAttemptSchema,
  CustodyEventSchema,
  DeterminationSchema,
  EvidenceAnnotationSchema,
  EvidenceSchema,
  NoteSchema,
  OrderRecordSchema,
  PartySchema,
  ReportSchema,
  ReportUpdateSchema,
  ReportVersionSchema,
  TaskSchema,
  TimelineEventSchema,
} from '../../domain'
import { TeamSettingSchema } from '../../rules/settings/team-settings'
import { describeIssues } from '../../validation'
import type { FieldWrite, SyncEntity } from './protocol'

/**
 * What each synced record must look like, so that a write from a broken or hostile client is refused
 * by the server field by field, and a record that still does not read as its kind never reaches a
 * workstation's screens.
 */
export const SYNC_RECORD_SCHEMAS: Record<SyncEntity, z.ZodType> = {
  // The SLA instants are derived by each workstation under its own policy (see UNSYNCED_FIELDS).
  case: CaseSchema.partial({ slaDueAt: true, slaAtRiskAt: true }),
  party: PartySchema,
  timelineEvent: TimelineEventSchema,
  task: TaskSchema,
  note: NoteSchema,
  communication: CommunicationSchema,
  evidence: EvidenceSchema,
  annotation: EvidenceAnnotationSchema,
  determination: DeterminationSchema,
  order: OrderRecordSchema,
  contactAttempt: ContactAttemptSchema,
  claim: ClaimSchema,
  report: ReportSchema,
  reportVersion: ReportVersionSchema,
  custodyEvent: CustodyEventSchema,
  auditEntry: AuditEntrySchema,
  reportUpdate: ReportUpdateSchema,
  teamSetting: TeamSettingSchema,
}

/**
 * Fields a workstation derives and never sends: title words (an index), a case's SLA instants (from
 * its clock events under the workstation's own policy, so re-timing every open case after a policy
 * change sends nothing), and the violated clauses workstations kept before schema 11.
 */
export const UNSYNCED_FIELDS = new Set(['titleWords', 'slaDueAt', 'slaAtRiskAt', 'violatedClauses'])

/** The object shapes a record of this kind may take (several for a union such as annotations). */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  if (schema instanceof z.ZodObject) return [schema.shape as Record<string, z.ZodType>]
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).flatMap(shapesOf)
  return []
}

/** A removed optional field travels as null (JSON has no undefined). */
const accepts = (field: z.ZodType, value: unknown) =>
  field.safeParse(value).success || (value === null && field.safeParse(undefined).success)

/** Where a record travels: under its id, and in its case (null for a record of no case). */
export interface RecordAddress {
  entityId: string
  caseId: string | null
}

/** The field holding a record's own id, which must be the id it travels under. */
const ownIdField = (entity: SyncEntity) => (entity === 'teamSetting' ? 'key' : 'id')

/**
 * A record that names another id or case than the ones it travels under would land elsewhere than
 * the server checked access for: a write allowed on the shift handoff must not replace the policy
 * library, nor a note on an analyst's own case appear on someone else's.
 */
function misaddressed(entity: SyncEntity, address: RecordAddress, value: (field: string) => unknown) {
  const ownId = value(ownIdField(entity))
  if (ownId !== undefined && ownId !== address.entityId)
    return `A ${entity} travels under its own id, not "${address.entityId}".`
  const caseId = entity === 'case' ? undefined : value('caseId')
  if (caseId !== undefined && caseId !== (address.caseId ?? ''))
    return `A ${entity} travels with its own case, not another.`
  return null
}

/** Why these field writes cannot belong to a record of this kind and address, or null when each could. */
export function fieldWritesProblem(
  entity: SyncEntity,
  address: RecordAddress,
  fields: Record<string, FieldWrite>,
): string | null {
  const foreign = misaddressed(entity, address, (field) => fields[field]?.value)
  if (foreign) return foreign
  const shapes = shapesOf(SYNC_RECORD_SCHEMAS[entity])
  for (const [name, write] of Object.entries(fields)) {
    const candidates = shapes.flatMap((shape) => (Object.hasOwn(shape, name) ? [shape[name]!] : []))
    if (candidates.length === 0) return `A ${entity} has no field "${name}".`
    if (!candidates.some((field) => accepts(field, write.value)))
      return `The ${entity} field "${name}" does not hold a valid value.`
  }
  return null
}

/**
 * The record to store from merged field values: nulls standing for removed optional fields are
 * dropped, and the whole record is checked against its kind.
 */
export function recordFromValues(
  entity: SyncEntity,
  address: RecordAddress,
  values: Record<string, unknown>,
): { record: Record<string, unknown> } | { problem: string } {
  const foreign = misaddressed(entity, address, (field) => values[field])
  if (foreign) return { problem: foreign }
  const schema = SYNC_RECORD_SCHEMAS[entity]
  const shapes = shapesOf(schema)
  const record = Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) =>
        value !== null || !shapes.some((shape) => shape[name] && !shape[name].safeParse(null).success),
    ),
  )
  const parsed = schema.safeParse(record)
  return parsed.success
    ? { record }
    : { problem: `A ${entity} from the server is not valid: ${describeIssues(parsed.error)}` }
}
