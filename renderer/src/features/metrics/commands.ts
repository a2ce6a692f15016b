import type { CommandDeclaration } from '@workspace/commands'

/** Carried out by MetricsDashboard, mounted while someone is signed in. */
export const METRICS_COMMANDS: CommandDeclaration[] = [
  { id: 'metrics.dashboard', title: 'Case metrics dashboard', group: 'Workstation' },
]
