// The case feature's public face: other parts of the app import only what is listed here.

export { CasePane } from './CasePane'
export { CASE_COMMANDS } from './commands'
