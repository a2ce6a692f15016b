import { type CommandDeclaration, onCaseTab } from '@workspace/commands'

/** Carried out by the Verification tab (VerificationSection). */
export const VERIFICATION_COMMANDS: CommandDeclaration[] = [
  {
    id: 'verification.log-contact-attempt',
    title: 'Log a contact attempt…',
    group: 'Case',
    ...onCaseTab('Verification'),
  },
]
