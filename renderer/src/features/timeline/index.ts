// The timeline feature's public face: other parts of the app import only what is listed here.
export { TIMELINE_COMMANDS } from './commands'
export { TimelineEventDialog } from './TimelineEventDialog'
export { TimelineSection } from './TimelineSection'
