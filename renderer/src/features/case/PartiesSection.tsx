import { repositories } from '@db/instance'
import { Button, Card, CardActions, CardContent, Link, Stack, Typography } from '@mui/material'
import { CASE_STATUS_INFO, PARTY_ROLE_LABELS, PARTY_ROLES, type Party } from '@shared/domain'
import { showUntrusted, showUntrustedLines } from '@shared/untrusted-text'
import { ConfirmDialog } from '@ui/ConfirmDialog'
import { EmptyNote, Facts } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { attempt } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { PartyDialog } from './PartyDialog'

/** Other cases on the same marketplace account: repeat behaviour is often the finding. */
function PriorCases({ party }: { party: Party }) {
  const accountId = party.accountId
  const prior = useLiveQuery(
    () => (accountId ? repositories.parties.priorCases(accountId, party.caseId) : Promise.resolve([])),
    [accountId, party.caseId],
  )
  const selectCase = useWorkspaceUi((state) => state.selectCase)
  if (!accountId || !prior) return null
  return (
    <Stack sx={{ mt: 1 }} aria-label={`Prior cases of ${party.name}`} component="section">
      <Typography variant="body2" color="text.secondary">
        {prior.length === 0
          ? 'No other cases on this account.'
          : `${prior.length} other case${prior.length === 1 ? '' : 's'} on this account:`}
      </Typography>
      {prior.map((record) => (
        <Link
          key={record.id}
          component="button"
          variant="body2"
          sx={{ textAlign: 'left' }}
          onClick={() => selectCase(record.id)}
        >
          {record.caseNumber} · {record.title} · {CASE_STATUS_INFO[record.status].label} · opened{' '}
          {formatDateTime(record.createdAt)}
        </Link>
      ))}
    </Stack>
  )
}

function RemovePartyDialog({ party, onClose }: { party: Party; onClose(): void }) {
  const analyst = useAnalyst()
  return (
    <ConfirmDialog
      title={`Remove ${party.name}?`}
      cancelLabel="Keep"
      confirmLabel="Remove party"
      onCancel={onClose}
      onConfirm={async () => {
        if (analyst) await attempt(() => repositories.parties.remove(party.id, analyst))
        onClose()
      }}
    >
      The party leaves this case. The audit log keeps what was recorded about them.
    </ConfirmDialog>
  )
}

export function PartiesSection({ caseId }: { caseId: string }) {
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId])
  const [editing, setEditing] = useState<Party | 'new' | null>(null)
  const [removing, setRemoving] = useState<Party | null>(null)
  useCommandRuntime('case.add-party', () => setEditing('new'), parties !== undefined)
  if (!parties) return null
  // Customer first, then shopper, retailer, witnesses: the order an analyst works through them.
  const ordered = [...parties].sort((a, b) => PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role))
  return (
    <Stack spacing={1} data-testid="case-parties">
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="outlined" size="small" onClick={() => setEditing('new')}>
          Add party
        </Button>
      </Stack>
      {ordered.length === 0 && <EmptyNote>No parties recorded.</EmptyNote>}
      {ordered.map((party) => (
        <Card key={party.id} variant="outlined" aria-label={showUntrusted(party.name)} component="article">
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="overline" color="text.secondary">
              {PARTY_ROLE_LABELS[party.role]}
            </Typography>
            {/* Party details arrive from orders, bundles and other analysts: shown with controls replaced. */}
            <Typography variant="h3">{showUntrusted(party.name)}</Typography>
            <Facts
              facts={[
                ['Account', party.accountId && showUntrusted(party.accountId)],
                ['Phone', party.contact.phone && showUntrusted(party.contact.phone)],
                ['Email', party.contact.email && showUntrusted(party.contact.email)],
                ['Address', party.contact.address && showUntrusted(party.contact.address)],
                ...(party.notes
                  ? ([['Notes', showUntrustedLines(party.notes)]] as Array<[string, string]>)
                  : []),
              ]}
            />
            <PriorCases party={party} />
          </CardContent>
          <CardActions sx={{ pt: 0 }}>
            <Button size="small" onClick={() => setEditing(party)}>
              Edit
            </Button>
            <Button size="small" color="error" onClick={() => setRemoving(party)}>
              Remove
            </Button>
          </CardActions>
        </Card>
      ))}
      {editing && (
        <PartyDialog
          caseId={caseId}
          party={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && <RemovePartyDialog party={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  )
}
