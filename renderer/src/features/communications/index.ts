// The communications feature's public face: other parts of the app import only what is listed here.

export { CommunicationsSection } from './CommunicationsSection'
export { COMMUNICATIONS_COMMANDS } from './commands'
export { EmailTemplatesSection } from './EmailTemplatesSection'
