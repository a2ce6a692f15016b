// The policy feature's public face: other parts of the app import only what is listed here.
export { ClauseDialog } from './ClauseDialog'
export { OutcomeMatrixSection } from './OutcomeMatrixSection'
export { PolicyLibrarySection } from './PolicyLibrarySection'
export { usePolicyLibrary } from './usePolicyLibrary'
