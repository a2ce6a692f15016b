// The handoff feature's public face: other parts of the app import only what is listed here.
export { HANDOFF_COMMANDS } from './commands'
export { HandoffDialog } from './HandoffDialog'
export { LastHandoffNotice } from './LastHandoffNotice'
