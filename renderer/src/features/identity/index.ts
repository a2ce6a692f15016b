// The identity feature's public face: other parts of the app import only what is listed here.
export { AnalystForm } from './AnalystForm'
export { IdentityDialog } from './IdentityDialog'
