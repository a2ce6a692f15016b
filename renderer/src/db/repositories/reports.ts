import {
  type Actor,
  type AuditEntry,
  type Outcome,
  REPORT_STATUS_LABELS,
  type Report,
  type ReportExport,
  ReportSchema,
  type ReportStatus,
  type ReportVersion,
  ReportVersionSchema,
} from '@shared/domain'
import { type ReportDocument, ReportDocumentSchema } from '@shared/formats/report/report-document'
import { describeOutcome } from '@shared/rules/policy/determination-review'
import { describeIssues } from '@shared/validation'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { createCaseRecordRepository } from './case-records'
import { CaseRuleError } from './cases'

/** A determination changed since a final report was signed off: the report no longer says it. */
export interface ChangeSinceFinal {
  determinationId: string
  partyName: string
  action: 'recorded' | 'changed' | 'removed'
  /** The parts that changed, in the analyst's words (findings, clauses, outcome ...). */
  parts: string[]
  /** The outcome before and after, when it changed. */
  outcome: { before: string; after: string } | null
  by: Actor
  at: string
}

/** The final version a report was signed off as, and what changed on the case after it. */
export interface FinalReportStaleness {
  version: Pick<ReportVersion, 'number' | 'takenAt'>
  changes: ChangeSinceFinal[]
}

/** Fields of a determination the report shows, as the analyst names them. */
const REPORTED_PARTS: Record<string, string> = {
  findings: 'findings',
  clauses: 'clauses',
  outcome: 'outcome',
  rationale: 'rationale',
  justification: 'justification',
  approval: 'lead approval',
}

const outcomeText = (value: unknown) =>
  value && typeof value === 'object' && 'kind' in value ? describeOutcome(value as Outcome) : 'none'

/** One line per determination from its audit lines after the sign-off (oldest first). */
function changesOf(
  entries: readonly AuditEntry[],
  partyNameOf: (determinationId: string, lines: readonly AuditEntry[]) => string,
): ChangeSinceFinal[] {
  const byDetermination = new Map<string, AuditEntry[]>()
  for (const entry of entries)
    byDetermination.set(entry.entityId, [...(byDetermination.get(entry.entityId) ?? []), entry])
  return [...byDetermination].map(([determinationId, lines]) => {
    const first = lines[0]!
    const last = lines.at(-1)!
    const changed = (name: string) =>
      lines.flatMap((line) => line.changes.filter((change) => change.field === name))
    const outcomes = changed('outcome')
    return {
      determinationId,
      partyName: partyNameOf(determinationId, lines),
      action: last.action === 'delete' ? 'removed' : first.action === 'create' ? 'recorded' : 'changed',
      parts: Object.entries(REPORTED_PARTS)
        .filter(([name]) => changed(name).length > 0)
        .map(([, label]) => label),
      outcome:
        outcomes.length > 0
          ? { before: outcomeText(outcomes[0]!.before), after: outcomeText(outcomes.at(-1)!.after) }
          : null,
      by: last.actor,
      at: last.at,
    }
  })
}

/** Draft → in review → final; a report in review can go back to draft. Final only changes by amending. */
const STATUS_STEPS: Record<ReportStatus, readonly ReportStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'final'],
  final: [],
}

export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return STATUS_STEPS[from].includes(to)
}

/**
 * Investigation reports and their versions. The report's text is saved as the analyst types (many
 * times a minute), so those saves are not audit lines: the audit records the report's creation,
 * every status change, every version and every export, and the versions keep the text itself.
 */
export function createReportRepository(db: WorkstationDatabase, now: () => string) {
  const reports = createCaseRecordRepository(db, {
    table: db.reports,
    entity: 'report',
    schema: ReportSchema,
    describe: (report) => `report "${report.title}"`,
    now,
  })
  const versions = createCaseRecordRepository(db, {
    table: db.reportVersions,
    entity: 'reportVersion',
    schema: ReportVersionSchema,
    describe: (version) => `version ${version.number} of the report (${version.reason})`,
    now,
  })
  const checkedBody = (body: unknown): ReportDocument => {
    const parsed = ReportDocumentSchema.safeParse(body)
    if (!parsed.success)
      throw new CaseRuleError(`The report text is not valid: ${describeIssues(parsed.error)}`)
    return parsed.data
  }
  const reportFor = async (id: string) => {
    const report = await db.reports.get(id)
    if (!report) throw new CaseRuleError('That report no longer exists on this workstation.')
    return report
  }
  const listVersions = (reportId: string) =>
    db.reportVersions.where('reportId').equals(reportId).sortBy('number')
  const takeVersion = async (report: Report, reason: ReportVersion['reason'], actor: Actor) => {
    const last = (await listVersions(report.id)).at(-1)
    return versions.add(
      {
        id: crypto.randomUUID(),
        reportId: report.id,
        caseId: report.caseId,
        number: (last?.number ?? 0) + 1,
        status: report.status,
        body: report.body,
        takenAt: now(),
        takenBy: actor,
        reason,
        exportedPdfSha256: null,
      },
      actor,
    )
  }
  const inTransaction = <T>(work: () => Promise<T>) =>
    guardStorage(() => db.transaction('rw', [db.reports, db.reportVersions, db.auditEntries], work))

  return {
    listForCase: reports.listForCase,
    get: (id: string) => db.reports.get(id),
    listVersions,
    getVersion: (id: string) => db.reportVersions.get(id),

    async create(
      input: { caseId: string; title: string; templateId: string; body: ReportDocument },
      actor: Actor,
    ) {
      const at = now()
      return reports.add(
        {
          id: crypto.randomUUID(),
          caseId: input.caseId,
          title: input.title,
          templateId: input.templateId,
          status: 'draft',
          body: checkedBody(input.body),
          createdAt: at,
          createdBy: actor,
          updatedAt: at,
        },
        actor,
      )
    },

    /** Autosave: the text as it stands. A final report is locked; amend it to change it. */
    async saveBody(id: string, body: unknown): Promise<void> {
      const valid = checkedBody(body)
      return guardStorage(() =>
        db.transaction('rw', db.reports, async () => {
          const report = await reportFor(id)
          if (report.status === 'final')
            throw new CaseRuleError('This report is final and locked. Amend it to change it.')
          await db.reports.update(id, { body: valid, updatedAt: now() })
        }),
      )
    },

    /** A named version of the text as it stands (on demand, or at an export). */
    snapshot(id: string, reason: 'snapshot' | 'export', actor: Actor): Promise<ReportVersion> {
      return inTransaction(async () => takeVersion(await reportFor(id), reason, actor))
    },

    setStatus(id: string, status: ReportStatus, actor: Actor): Promise<Report> {
      return inTransaction(async () => {
        const report = await reportFor(id)
        if (!canMoveReport(report.status, status))
          throw new CaseRuleError(
            `A report that is ${REPORT_STATUS_LABELS[report.status].toLowerCase()} cannot become ${REPORT_STATUS_LABELS[status].toLowerCase()}.`,
          )
        const updated = await reports.update(id, { status, updatedAt: now() }, actor)
        // The final text is kept as a version of its own: what was signed off.
        if (status === 'final') await takeVersion(updated, 'snapshot', actor)
        return updated
      })
    },

    /** Reopens a final report for changes; the final text stays as the version it was. */
    amend(id: string, actor: Actor): Promise<Report> {
      return inTransaction(async () => {
        const report = await reportFor(id)
        if (report.status !== 'final')
          throw new CaseRuleError('Only a final report is amended; this one can be edited.')
        await takeVersion(report, 'amendment', actor)
        return reports.update(id, { status: 'draft', updatedAt: now() }, actor)
      })
    },

    /**
     * For a final report, what changed on the case since it was signed off: the determinations its
     * findings, policy analysis and determination sections report.
     * Null for a report that is not final; no changes when it is up to date.
     */
    async sinceFinal(reportId: string): Promise<FinalReportStaleness | null> {
      const report = await db.reports.get(reportId)
      if (report?.status !== 'final') return null
      // Signed off as the first final version since the last amendment (snapshots and exports of the
      // final text come after it, and an export does not bring the text up to date).
      const versions = await listVersions(reportId)
      const lastAmendment = versions.findLastIndex((version) => version.reason === 'amendment')
      const signedOff = versions.slice(lastAmendment + 1).find((version) => version.status === 'final')
      if (!signedOff) return null
      const [entries, determinations, parties] = await Promise.all([
        db.auditEntries
          .where('[caseId+at]')
          .between([report.caseId, signedOff.takenAt], [report.caseId, Dexie.maxKey], false, true)
          .filter((entry) => entry.entity === 'determination')
          .toArray(),
        db.determinations.where('caseId').equals(report.caseId).toArray(),
        db.parties.where('caseId').equals(report.caseId).toArray(),
      ])
      const partyOf = new Map(determinations.map((row) => [row.id, row.partyId]))
      const names = new Map(parties.map((party) => [party.id, party.name]))
      // A determination still here names its party; a removed one is named by its audit lines.
      const partyNameOf = (determinationId: string, lines: readonly AuditEntry[]) => {
        const recorded = lines.flatMap((line) => line.changes).find((change) => change.field === 'partyId')
        const partyId = partyOf.get(determinationId) ?? recorded?.before ?? recorded?.after
        return names.get(String(partyId)) ?? 'a party no longer on the case'
      }
      return {
        version: { number: signedOff.number, takenAt: signedOff.takenAt },
        changes: changesOf(entries, partyNameOf),
      }
    },

    /** Records the exported PDF's SHA-256 on the version it was printed from (who and when are the version's). */
    recordExport(
      versionId: string,
      pdfSha256: string,
      exported: ReportExport,
      actor: Actor,
    ): Promise<ReportVersion> {
      return versions.update(versionId, { exportedPdfSha256: pdfSha256, export: exported }, actor)
    },
  }
}
export type ReportRepository = ReturnType<typeof createReportRepository>
