import { type CommandDeclaration, withAnalyst, withOpenCase } from '@workspace/commands'
import { exportAllCases, exportOneCase, importCaseBundles, runReported } from './transfer-actions'

/** The top bar's "Cases" menu, and the desktop app's File menu. */
export const TRANSFER_COMMANDS: CommandDeclaration[] = [
  {
    id: 'transfer.import-case-bundles',
    title: 'Import case bundle…',
    group: 'Import and export',
    ...withAnalyst((analyst) => runReported(() => importCaseBundles(analyst))),
  },
  {
    id: 'transfer.export-case',
    title: 'Export this case…',
    group: 'Import and export',
    ...withOpenCase((caseId, analyst) => runReported(() => exportOneCase(caseId, analyst))),
  },
  {
    id: 'transfer.export-all-cases',
    title: 'Export all cases…',
    group: 'Import and export',
    ...withAnalyst((analyst) => runReported(() => exportAllCases(analyst))),
  },
]
