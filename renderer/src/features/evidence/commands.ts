import {
  type CommandDeclaration,
  caseOpen,
  commandRegistry,
  exhibitOpen,
  onCaseTab,
} from '@workspace/commands'
import { useBundleExports } from './bundle/evidence-bundle-export-store'

/** The evidence commands, carried out by the Evidence tab's buttons and the evidence pane's. */
export const EVIDENCE_COMMANDS: CommandDeclaration[] = [
  // EvidenceImportPanel: the system's file picker, then the import.
  { id: 'evidence.add-files', title: 'Add evidence files…', group: 'Evidence', ...onCaseTab('Evidence') },
  {
    id: 'evidence.export-bundle',
    title: 'Export the evidence bundle…',
    group: 'Evidence',
    ...onCaseTab('Evidence'),
    // One export of a case at a time, as the button (disabled meanwhile) allows.
    when: (context) =>
      caseOpen(context) &&
      context.caseId !== null &&
      useBundleExports.getState().exports[context.caseId]?.state !== 'running',
  },
  // EvidenceActions, in the evidence pane (shown first if hidden).
  {
    id: 'evidence.verify-integrity',
    title: 'Verify the integrity of the open exhibit',
    group: 'Evidence',
    when: exhibitOpen,
    reveal: (context) => commandRegistry.run('workstation.show-evidence-pane', context),
  },
]
