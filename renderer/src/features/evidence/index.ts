// The evidence feature's public face: other parts of the app import only what is listed here.
export { EVIDENCE_COMMANDS } from './commands'
export { DamageMark } from './list/DamageMark'
export { EvidenceSection } from './list/EvidenceSection'
export { EvidenceSettingsSection } from './settings/EvidenceSettingsSection'
export { EvidencePane } from './viewer/EvidencePane'
export { PdfViewer } from './viewer/PdfViewer'
export { useEvidenceObjectUrl } from './viewer/useEvidenceObjectUrl'
