// The queue feature's public face: other parts of the app import only what is listed here.
export { SeverityChip, StatusChip } from './CaseChips'
export { QUEUE_COMMANDS } from './commands'
export { QueuePane } from './QueuePane'
export { useCaseWrites } from './useCaseWrites'
