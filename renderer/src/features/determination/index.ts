// The determination feature's public face: other parts of the app import only what is listed here.
export { ApprovalThresholdSection } from './ApprovalThresholdSection'
export { DETERMINATION_COMMANDS } from './commands'
export { DeterminationSection } from './DeterminationSection'
