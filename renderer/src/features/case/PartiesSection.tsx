import { Card, CardContent, Stack, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { PARTY_ROLE_LABELS, PARTY_ROLES } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { EmptyNote, Facts } from './Facts'

export function PartiesSection({ caseId }: { caseId: string }) {
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId])
  if (!parties) return null
  // Customer first, then shopper, retailer, witnesses: the order an analyst works through them.
  const ordered = [...parties].sort((a, b) => PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role))
  return (
    <Stack spacing={1} data-testid="case-parties">
      {ordered.length === 0 && <EmptyNote>No parties recorded.</EmptyNote>}
      {ordered.map((party) => (
        <Card key={party.id} variant="outlined">
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="overline" color="text.secondary">
              {PARTY_ROLE_LABELS[party.role]}
            </Typography>
            <Typography variant="h3">{party.name}</Typography>
            <Facts
              facts={[
                ['Account', party.accountId],
                ['Phone', party.contact.phone],
                ['Email', party.contact.email],
                ['Address', party.contact.address],
              ]}
            />
          </CardContent>
        </Card>
      ))}
    </Stack>
  )
}
