/**
 * The tabs of the open case, in order. Shared: a command carried out on a tab (say "Log a call" on
 * Communications) shows its tab first.
 */
export const CASE_SECTIONS = [
  'Overview',
  'Parties',
  'Timeline',
  'Tasks',
  'Notes',
  'Communications',
  'Evidence',
  'Order',
  'Verification',
  'Determination',
  'Report',
  'Audit',
] as const
export type CaseSection = (typeof CASE_SECTIONS)[number]
