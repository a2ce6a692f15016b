import { repositories } from '@db/instance'
import { Alert, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material'
import { type ExportOptions, exportReport } from '@services/report-export/export-report'
import {
  localTimeZone,
  reportCaseRecords,
  warmPrintPictures,
} from '@services/report-export/report-print-input'
import { thisWorkstation } from '@services/this-workstation'
import {
  type Actor,
  type Case,
  type CaseStatus,
  REPORT_STATUS_LABELS,
  type Report,
  type ReportStatus,
} from '@shared/domain'
import {
  newReportDocument,
  type ReportDocument,
  refreshCaseTables,
} from '@shared/formats/report/report-document'
import {
  REPORT_TEMPLATES,
  reportTemplate,
  templateForCategory,
} from '@shared/formats/report/report-templates'
import { getSchema } from '@tiptap/core'
import { attempt, notify } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import type { RichTextEditorRef } from 'mui-tiptap'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ExportDialog } from './ExportDialog'
import { reportExtensions } from './extensions/report-extensions'
import { FinalReportChanges } from './FinalReportChanges'
import { PreviewDialog } from './PreviewDialog'
import { ReportEditor } from './ReportEditor'
import { StillNewDialog } from './StillNewDialog'
import { describeSaveState, takeReportJournal, useReportAutosave } from './useReportAutosave'
import { useReportDocument } from './useReportDocument'
import { VersionsDialog } from './VersionsDialog'

/** Starting the case's report from the template made for its category (or another one). */
function StartReport({ record, analyst }: { record: Case; analyst: Actor }) {
  const [templateId, setTemplateId] = useState(templateForCategory(record.category).id)
  const [title, setTitle] = useState('Investigation report')
  const start = () =>
    attempt(async () => {
      const body = newReportDocument(
        await reportCaseRecords(thisWorkstation, record.id),
        localTimeZone(),
        new Date().toISOString(),
      )
      await repositories.reports.create(
        { caseId: record.id, title: title.trim() || 'Investigation report', templateId, body },
        analyst,
      )
    })
  return (
    <Stack spacing={2} sx={{ maxWidth: 520 }}>
      <Typography>
        The report starts with every section (Summary to Communications); the parties, timeline, evidence and
        communications tables fill from the case.
      </Typography>
      <TextField label="Report title" value={title} onChange={(event) => setTitle(event.target.value)} />
      <TextField
        select
        label="Template"
        value={templateId}
        onChange={(event) => setTemplateId(event.target.value)}
      >
        {REPORT_TEMPLATES.map((template) => (
          <MenuItem key={template.id} value={template.id}>
            {template.label}
          </MenuItem>
        ))}
      </TextField>
      <div>
        <Button variant="contained" onClick={() => void start()}>
          Start the report
        </Button>
      </div>
    </Stack>
  )
}

const NEXT_STEPS: Record<ReportStatus, Array<{ to: ReportStatus | 'amend'; label: string }>> = {
  draft: [{ to: 'in_review', label: 'Send for review' }],
  in_review: [
    { to: 'draft', label: 'Back to draft' },
    { to: 'final', label: 'Mark final' },
  ],
  final: [{ to: 'amend', label: 'Amend' }],
}

function ReportWorkspace({
  report,
  analyst,
  caseStatus,
}: {
  report: Report
  analyst: Actor
  caseStatus: CaseStatus
}) {
  const editorRef = useRef<RichTextEditorRef>(null)
  // Figures' pictures are prepared after each save, so an export finds them ready.
  const warm = useCallback(
    (body: ReportDocument) => warmPrintPictures(thisWorkstation, report.caseId, body),
    [report.caseId],
  )
  const editable = report.status !== 'final'
  const autosave = useReportAutosave(report.id, { locked: !editable, onSaved: warm })
  // The editor owns the text while it is open; the stored text (or what the page journaled when it
  // went away mid-sentence) is where it starts.
  const [recovered] = useState(() => takeReportJournal(report.id, report.updatedAt))
  const template = reportTemplate(report.templateId)
  const text = useReportDocument(report.id, report.body as ReportDocument, () =>
    getSchema(reportExtensions({ template, openExhibit: () => {}, openClause: () => {} })),
  )
  // Text the page journaled as it went away mid-sentence goes back in once the document is loaded.
  const restored = useRef(false)
  useEffect(() => {
    if (text?.status !== 'ready' || !recovered || restored.current) return
    restored.current = true
    // After the editor has bound to the document (it renders in this same commit).
    queueMicrotask(() => {
      editorRef.current?.editor?.commands.setContent(recovered)
      autosave.changed(() => recovered)
    })
  }, [text?.status, recovered, autosave])
  const [dialog, setDialog] = useState<'versions' | 'preview' | null>(null)
  const [exporting, setExporting] = useState(false)
  const [choosingExport, setChoosingExport] = useState(false)
  // Marking final a report of a case nobody has triaged yet asks first (see StillNewDialog).
  const [confirmingFinal, setConfirmingFinal] = useState(false)

  const step = (to: ReportStatus | 'amend') =>
    attempt(
      async () => {
        await autosave.flush()
        if (to === 'amend') await repositories.reports.amend(report.id, analyst)
        else await repositories.reports.setStatus(report.id, to, analyst)
        return true
      },
      to === 'amend'
        ? 'The final text is kept as a version; the report is a draft again.'
        : `The report is ${REPORT_STATUS_LABELS[to as ReportStatus].toLowerCase()}.`,
    )

  const refreshTables = () =>
    attempt(async () => {
      const editor = editorRef.current?.editor
      if (!editor) return
      const refreshed = refreshCaseTables(
        editor.getJSON() as ReportDocument,
        await reportCaseRecords(thisWorkstation, report.caseId),
        localTimeZone(),
        new Date().toISOString(),
      )
      editor.commands.setContent(refreshed)
      autosave.changed(() => refreshed)
    }, 'The case tables are up to date; your text is unchanged.')

  const exportPdf = async (options: ExportOptions) => {
    // A second click while printing would export twice.
    if (exporting) return
    setExporting(true)
    setChoosingExport(false)
    try {
      await autosave.flush()
      const latest = (await repositories.reports.get(report.id)) ?? report
      const sha256 = await attempt(() => exportReport(thisWorkstation, latest, analyst, options))
      if (sha256) notify('success', `Exported the report. PDF SHA-256 ${sha256}.`)
    } finally {
      setExporting(false)
    }
  }

  const takeSnapshot = () =>
    void attempt(async () => {
      await autosave.flush()
      const version = await repositories.reports.snapshot(report.id, 'snapshot', analyst)
      return version.number
    }, 'Snapshot taken.')
  const showVersions = () => setDialog('versions')
  const preview = () => void autosave.flush().then(() => setDialog('preview'))
  const chooseExport = () => setChoosingExport(true)
  // The palette runs these buttons' code (see REPORT_COMMANDS).
  useCommandRuntime('report.take-snapshot', takeSnapshot)
  useCommandRuntime('report.versions', showVersions)
  useCommandRuntime('report.preview', preview)
  useCommandRuntime('report.export-pdf', chooseExport)

  const saved = autosave.state
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h3" component="h3" sx={{ mr: 1 }}>
          {report.title}
        </Typography>
        <Chip
          size="small"
          label={REPORT_STATUS_LABELS[report.status]}
          color={report.status === 'final' ? 'success' : report.status === 'in_review' ? 'info' : 'default'}
          data-testid="report-status"
        />
        <Typography
          variant="caption"
          color={saved.kind === 'failed' ? 'error' : 'text.secondary'}
          data-testid="report-save-state"
        >
          {describeSaveState(saved)}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
        {NEXT_STEPS[report.status].map((next) => (
          <Button
            key={next.to}
            size="small"
            variant="outlined"
            onClick={() =>
              next.to === 'final' && caseStatus === 'new' ? setConfirmingFinal(true) : void step(next.to)
            }
          >
            {next.label}
          </Button>
        ))}
        {editable && (
          <Button size="small" onClick={() => void refreshTables()}>
            Refresh case tables
          </Button>
        )}
        <Button size="small" onClick={takeSnapshot}>
          Take a snapshot
        </Button>
        <Button size="small" onClick={showVersions}>
          Versions…
        </Button>
        <Button size="small" onClick={preview}>
          Preview…
        </Button>
        <Button size="small" variant="contained" onClick={chooseExport}>
          {exporting ? 'Exporting…' : 'Export PDF…'}
        </Button>
      </Stack>
      <FinalReportChanges reportId={report.id} status={report.status} />
      {report.status === 'final' && (
        <Alert severity="info">
          This report is final and locked. "Amend" reopens it; the final text stays as a version.
        </Alert>
      )}
      {text?.status === 'waiting' && (
        <Alert severity="info">
          This report was started on another workstation; its text arrives with the next sync.
        </Alert>
      )}
      {text && (
        <ReportEditor
          // A fresh document (see useReportDocument) needs an editor bound to it.
          key={text.doc.guid}
          editorRef={editorRef}
          caseId={report.caseId}
          document={text.doc}
          template={template}
          editable={editable && text.status === 'ready'}
          onChange={autosave.changed}
        />
      )}
      {confirmingFinal && (
        <StillNewDialog
          onCancel={() => setConfirmingFinal(false)}
          onConfirm={() => {
            setConfirmingFinal(false)
            void step('final')
          }}
        />
      )}
      {dialog === 'versions' && <VersionsDialog reportId={report.id} onClose={() => setDialog(null)} />}
      {choosingExport && (
        <ExportDialog
          onExport={(options) => void exportPdf(options)}
          onClose={() => setChoosingExport(false)}
        />
      )}
      {dialog === 'preview' && (
        <PreviewDialog report={report} analyst={analyst} onClose={() => setDialog(null)} />
      )}
    </Stack>
  )
}

/** The case's investigation report: written here, versioned, previewed and exported as PDF. */
export function ReportSection({ record }: { record: Case }) {
  const analyst = useAnalyst()
  const reports = useLiveQuery(() => repositories.reports.listForCase(record.id), [record.id])
  if (!analyst || !reports) return null
  const report = reports[0]
  return report ? (
    <ReportWorkspace key={report.id} report={report} analyst={analyst} caseStatus={record.status} />
  ) : (
    <StartReport record={record} analyst={analyst} />
  )
}
