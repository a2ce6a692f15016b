// The sync feature's public face: other parts of the app import only what is listed here.
export { ServerAuditExport } from './ServerAuditExport'
export { SyncStatusChip } from './SyncStatusChip'
export { TeamServerSection } from './TeamServerSection'
export { TeamSettingNote } from './TeamSettingNote'
export { canAssign, useJoinedServer } from './useJoinedServer'
