import { type CommandDeclaration, onCaseTab } from '@workspace/commands'

/** Carried out by the Report tab once the case has a report (ReportSection's buttons). */
export const REPORT_COMMANDS: CommandDeclaration[] = [
  { id: 'report.export-pdf', title: 'Export the report as PDF…', group: 'Report', ...onCaseTab('Report') },
  { id: 'report.preview', title: 'Preview the report…', group: 'Report', ...onCaseTab('Report') },
  {
    id: 'report.take-snapshot',
    title: 'Take a snapshot of the report',
    group: 'Report',
    ...onCaseTab('Report'),
  },
  {
    id: 'report.versions',
    title: 'Report versions…',
    group: 'Report',
    ...onCaseTab('Report'),
  },
]
