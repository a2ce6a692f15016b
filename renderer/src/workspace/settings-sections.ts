/**
 * The Settings sections another part of the app can open Settings at ("Load demo data…" at Demo data,
 * the sync chip at Team server), named by their headings.
 */
export const SETTINGS_SECTIONS = [
  'Analyst',
  'Team server',
  'Policy library',
  'Outcome matrix',
  'Determinations',
  'Redaction profiles',
  'Location checks',
  'Theme',
  'Notifications',
  'SLA policy',
  'Email templates',
  'Evidence',
  'Storage on this computer',
  'Demo data',
] as const
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]

/** The element id of a section's heading, which takes the focus when Settings opens there. */
export const settingsHeadingId = (title: string): string =>
  `settings-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`
