import { repositories } from '@db/instance'
import { Stack, Typography } from '@mui/material'
import { EmptyNote } from '@ui/Facts'
import { useLiveQuery } from 'dexie-react-hooks'
import { CorroborationMatrix } from './CorroborationMatrix'
import { PartyContacts } from './PartyContacts'
import { useCorroboration } from './useCorroboration'

/** Party verification: the attempts to reach each party, and the corroboration matrix. */
export function VerificationSection({ caseId }: { caseId: string }) {
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId])
  const attempts = useLiveQuery(() => repositories.contactAttempts.listForCase(caseId), [caseId])
  const corroboration = useCorroboration(caseId)
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
          />
        ))}
      </Stack>
      <CorroborationMatrix caseId={caseId} claims={corroboration.claims} sources={corroboration.sources} />
    </Stack>
  )
}
