// The intake feature's public face: other parts of the app import only what is listed here.

export { CaseDetailsFields, fieldRenderer } from './CaseDetailsFields'
export type { CaseDetailsForm } from './case-form'
export { caseDetailsErrors, caseDetailsFormOf, caseDetailsPatch } from './case-form'
export { INTAKE_COMMANDS } from './commands'
export { NewCaseDialog } from './NewCaseDialog'
