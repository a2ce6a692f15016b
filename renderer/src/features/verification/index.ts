// The verification feature's public face: other parts of the app import only what is listed here.
export { VERIFICATION_COMMANDS } from './commands'
export { useCorroboration } from './useCorroboration'
export { VerificationSection } from './VerificationSection'
