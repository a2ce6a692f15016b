import { repositories } from '@db/instance'
import { Stack, Typography } from '@mui/material'
import type { Party } from '@shared/domain'
import { EmptyNote } from '@ui/Facts'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { ContactAttemptDialog } from './ContactAttemptDialog'
import { CorroborationMatrix } from './CorroborationMatrix'
import { PartyContacts } from './PartyContacts'
import { useCorroboration } from './useCorroboration'

/** Party verification: the attempts to reach each party, and the corroboration matrix. */
export function VerificationSection({ caseId }: { caseId: string }) {
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId])
  const attempts = useLiveQuery(() => repositories.contactAttempts.listForCase(caseId), [caseId])
  const corroboration = useCorroboration(caseId)
  const [logging, setLogging] = useState<Party | null>(null)
  // The palette's "Log a contact attempt…": the first party without a statement yet, else the first.
  useCommandRuntime(
    'verification.log-contact-attempt',
    () => {
      const party =
        parties?.find(
          (candidate) =>
            !attempts?.some(
              (attempt) => attempt.partyId === candidate.id && attempt.outcome === 'statement_taken',
            ),
        ) ?? parties?.[0]
      if (party) setLogging(party)
    },
    parties !== undefined && attempts !== undefined,
  )
  if (!parties || !attempts || !corroboration) return null
  return (
    <Stack spacing={3}>
      <Stack spacing={1.5} component="section" aria-label="Party verification">
        <Typography variant="h6" component="h3">
          Contact attempts
        </Typography>
        {parties.length === 0 && <EmptyNote>Add the parties first.</EmptyNote>}
        {parties.map((party) => (
          <PartyContacts
            key={party.id}
            party={party}
            attempts={attempts.filter((attempt) => attempt.partyId === party.id)}
            onLog={() => setLogging(party)}
          />
        ))}
      </Stack>
      <CorroborationMatrix caseId={caseId} claims={corroboration.claims} sources={corroboration.sources} />
      {logging && <ContactAttemptDialog party={logging} onClose={() => setLogging(null)} />}
    </Stack>
  )
}
