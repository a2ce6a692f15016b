// The report feature's public face: other parts of the app import only what is listed here.
export { REPORT_COMMANDS } from './commands'
export { RedactionProfilesSection } from './RedactionProfilesSection'
export { ReportSection } from './ReportSection'
