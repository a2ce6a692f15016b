import { createHash } from 'node:crypto'
import type { Actor } from '@shared/domain'
import type { SyncEntity } from '@shared/protocol/sync/protocol'
import { DEFAULT_EMAIL_TEMPLATES } from '@shared/rules/communications/email-templates'
import { DEFAULT_LOCATION_THRESHOLDS } from '@shared/rules/orders/location-checks'
import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import { DEFAULT_REDACTION_PROFILES } from '@shared/rules/policy/redaction-profiles'
import type { TeamSettingKey } from '@shared/rules/settings/team-settings'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'

/**
 * A complete, valid record of every kind that syncs, as a workstation sends it when it creates one:
 * each field of the record (the fields a workstation derives itself left out). The adversarial
 * tests write these so that a refusal is for who wrote it and where, never for a malformed record.
 */

const at = '2027-01-15T07:00:00.000Z'

/** The record kinds that belong to a case and carry its id. */
export type CaseRecordKind = Exclude<SyncEntity, 'case' | 'teamSetting'>

/** What tells one version of a record from another: its words (a note's body, a custody line's detail). */
export interface RecordFacts {
  id: string
  /** The case the record names ('' for a record of no case). */
  caseId: string
  by: Actor
  words: string
}

export const sha256Of = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')

const CASE_RECORDS: Record<CaseRecordKind, (facts: RecordFacts) => Record<string, unknown>> = {
  party: ({ id, caseId, words }) => ({
    id,
    caseId,
    role: 'witness',
    name: words,
    contact: { phone: '', email: '', address: '' },
    notes: '',
    createdAt: at,
    updatedAt: at,
  }),
  timelineEvent: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    kind: 'manual',
    occurredAt: at,
    title: words,
    detail: '',
    ref: null,
    recordedBy: by,
    recordedAt: at,
  }),
  task: ({ id, caseId, words }) => ({
    id,
    caseId,
    title: words,
    position: 1,
    done: false,
    doneAt: null,
    doneBy: null,
    dueAt: null,
    createdAt: at,
  }),
  note: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    body: words,
    author: by,
    createdAt: at,
    updatedAt: at,
  }),
  communication: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    partyId: null,
    channel: 'phone',
    direction: 'outbound',
    occurredAt: at,
    durationSeconds: 60,
    outcome: 'reached',
    subject: words,
    body: '',
    templateId: null,
    recordedBy: by,
    recordedAt: at,
  }),
  evidence: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    exhibitNumber: 1,
    sha256: sha256Of(id),
    originalName: 'doorstep.jpg',
    size: 2048,
    detectedType: 'image/jpeg',
    sourcePartyId: null,
    acquiredAt: at,
    importedAt: at,
    importedBy: by,
    description: words,
    tags: [],
    parentEvidenceId: null,
    removed: null,
  }),
  annotation: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    evidenceId: `${caseId}-exhibit`,
    createdAt: at,
    createdBy: by,
    kind: 'callout',
    page: null,
    x: 0.1,
    y: 0.1,
    width: 0.3,
    height: 0.2,
    text: words,
  }),
  determination: ({ id, caseId, words }) => ({
    id,
    caseId,
    partyId: `${caseId}-shopper`,
    findings: [],
    clauses: [],
    outcome: null,
    rationale: words,
    justification: '',
    approval: null,
    decidedBy: null,
    decidedAt: null,
    updatedAt: at,
  }),
  order: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    orderId: 'ORD-1000000042',
    store: { name: words, address: '' },
    currency: 'USD',
    items: [],
    customerAccountId: 'C-42',
    shopperAccountId: 'S-77',
    dropOff: { address: '14 Alder Lane, Columbus, OH', location: { lat: 40.0, lon: -83.0 } },
    events: [{ kind: 'delivered', at, location: null }],
    chat: [],
    importedAt: at,
    importedBy: by,
  }),
  contactAttempt: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    partyId: `${caseId}-shopper`,
    channel: 'phone',
    at,
    outcome: 'no_answer',
    note: words,
    recordedBy: by,
  }),
  claim: ({ id, caseId, words }) => ({
    id,
    caseId,
    text: words,
    position: 1,
    cells: {},
    createdAt: at,
    updatedAt: at,
  }),
  report: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    title: words,
    templateId: 'standard',
    status: 'draft',
    body: { type: 'doc', content: [] },
    createdAt: at,
    createdBy: by,
    updatedAt: at,
  }),
  reportVersion: ({ id, caseId, by, words }) => ({
    id,
    reportId: `${caseId}-report`,
    caseId,
    number: 1,
    status: 'draft',
    body: { type: 'doc', content: [{ type: 'paragraph', text: words }] },
    takenAt: at,
    takenBy: by,
    reason: 'snapshot',
    exportedPdfSha256: null,
    export: null,
  }),
  custodyEvent: ({ id, caseId, by, words }) => ({
    id,
    evidenceId: `${caseId}-exhibit`,
    caseId,
    action: 'viewed',
    at,
    by,
    sha256: sha256Of(`${caseId}-exhibit`),
    detail: words,
  }),
  auditEntry: ({ id, caseId, by, words }) => ({
    id,
    caseId,
    entity: 'note',
    entityId: `${caseId}-note`,
    action: 'update',
    at,
    actor: by,
    changes: [{ field: 'body', before: '', after: words }],
    summary: words,
  }),
  reportUpdate: ({ id, caseId, words }) => ({
    id,
    reportId: `${caseId}-report`,
    caseId,
    update: Buffer.from(words).toString('base64'),
    createdAt: at,
  }),
}

export const CASE_RECORD_KINDS = Object.keys(CASE_RECORDS) as CaseRecordKind[]

/** A valid record of a case of this kind. */
export const caseRecord = (entity: CaseRecordKind, facts: RecordFacts) => CASE_RECORDS[entity](facts)

/** A valid case, assigned to `assignee` (the queue when null). */
export function caseFile(id: string, assignee: Actor | null, title: string, by: Actor) {
  return {
    id,
    caseNumber: 'CR-2027-000042',
    title,
    summary: 'The customer reports the shopper left the groceries at the wrong door.',
    category: 'property_damage',
    severity: 'S3',
    status: 'investigating',
    source: 'support',
    assigneeId: assignee?.id ?? '',
    assigneeName: assignee?.name ?? '',
    tags: [],
    occurredAt: at,
    location: '14 Alder Lane, Columbus, OH',
    order: null,
    slaEvents: [{ type: 'opened', at, status: 'new', severity: 'S3' }],
    createdAt: at,
    createdBy: by,
    updatedAt: at,
  }
}

/** A valid value of every team setting. */
export function teamSettingValue(key: TeamSettingKey, by: Actor): unknown {
  switch (key) {
    case 'policyLibrary':
      return EXAMPLE_POLICIES
    case 'outcomeMatrix':
      return []
    case 'approvalThreshold':
      return 500
    case 'redactionProfiles':
      return DEFAULT_REDACTION_PROFILES
    case 'locationThresholds':
      return DEFAULT_LOCATION_THRESHOLDS
    case 'emailTemplates':
      return DEFAULT_EMAIL_TEMPLATES
    case 'slaPolicy':
      return DEFAULT_SLA_POLICY
    case 'lastHandoff':
      return {
        id: `handoff-${by.id}`,
        writtenBy: by,
        writtenAt: at,
        shiftStartedAt: '2027-01-15T00:00:00.000Z',
        note: `From ${by.name}`,
        casesTouched: [],
        statusChanges: [],
        openTasks: [],
        slasDue: [],
      }
  }
}

/** The settings only a lead or an admin changes (every analyst writes the shift handoff). */
export const LEAD_TEAM_SETTINGS: TeamSettingKey[] = [
  'policyLibrary',
  'outcomeMatrix',
  'approvalThreshold',
  'redactionProfiles',
  'locationThresholds',
  'emailTemplates',
  'slaPolicy',
]
