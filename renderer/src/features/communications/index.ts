// The communications feature's public face: other parts of the app import only what is listed here.
export { CommunicationsSection } from './CommunicationsSection'
export { EmailTemplatesSection } from './EmailTemplatesSection'
