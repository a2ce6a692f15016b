import { CASE_COMMANDS } from '@features/case'
import { COMMUNICATIONS_COMMANDS } from '@features/communications'
import { DETERMINATION_COMMANDS } from '@features/determination'
import { EVIDENCE_COMMANDS } from '@features/evidence'
import { HANDOFF_COMMANDS } from '@features/handoff'
import { INTAKE_COMMANDS } from '@features/intake'
import { METRICS_COMMANDS } from '@features/metrics'
import { QUEUE_COMMANDS } from '@features/queue'
import { REPORT_COMMANDS } from '@features/report'
import { TIMELINE_COMMANDS } from '@features/timeline'
import { TRANSFER_COMMANDS } from '@features/transfer'
import { VERIFICATION_COMMANDS } from '@features/verification'
import type { CommandDeclaration } from '@workspace/commands'
import { APP_COMMANDS } from './app-commands'

/** Every command the workstation declares, collected from the frame and the features. */
export const WORKSTATION_COMMANDS: readonly CommandDeclaration[] = [
  ...APP_COMMANDS,
  ...INTAKE_COMMANDS,
  ...METRICS_COMMANDS,
  ...HANDOFF_COMMANDS,
  ...QUEUE_COMMANDS,
  ...CASE_COMMANDS,
  ...TIMELINE_COMMANDS,
  ...COMMUNICATIONS_COMMANDS,
  ...VERIFICATION_COMMANDS,
  ...DETERMINATION_COMMANDS,
  ...EVIDENCE_COMMANDS,
  ...REPORT_COMMANDS,
  ...TRANSFER_COMMANDS,
]
