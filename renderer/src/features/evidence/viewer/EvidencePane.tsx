import { repositories } from '@db/instance'
import { Box, Divider, List, ListItem, ListItemText, Stack, Typography } from '@mui/material'
import { formatBytes } from '@shared/byte-size'
import { exhibitLabel } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { showUntrusted, showUntrustedLines } from '@shared/untrusted-text'
import { Facts } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { EvidenceActions } from './EvidenceActions'
import { EvidencePreview } from './EvidencePreview'

export function EvidencePane() {
  const evidenceId = useWorkspaceUi((state) => state.selectedEvidenceId)
  const item = useLiveQuery(
    async () => (evidenceId ? ((await repositories.evidence.get(evidenceId)) ?? null) : null),
    [evidenceId],
  )
  const custody = useLiveQuery(
    async () => (evidenceId ? repositories.custody.listForEvidence(evidenceId) : []),
    [evidenceId],
  )
  // Opening an item is a line of its chain of custody: who looked at it, when.
  useEffect(() => {
    if (!evidenceId) return
    void repositories.settings.read(SETTINGS.analyst).then((analyst) => {
      if (analyst) return repositories.evidence.recordViewed(evidenceId, analyst)
    })
  }, [evidenceId])
  const source = useLiveQuery(
    async () => (item?.sourcePartyId ? repositories.parties.get(item.sourcePartyId) : undefined),
    [item?.sourcePartyId],
  )

  if (!item) {
    return (
      <Box sx={{ p: 3, height: '100%', bgcolor: 'background.paper' }}>
        <Typography color="text.secondary">
          Select an item on a case's Evidence tab to see it here.
        </Typography>
      </Box>
    )
  }
  return (
    <Stack
      sx={{ height: '100%', overflow: 'auto', p: 2, bgcolor: 'background.paper' }}
      spacing={2}
      aria-label="Evidence viewer"
    >
      <Typography variant="h2" component="h2">
        {exhibitLabel(item.exhibitNumber)} · {showUntrusted(item.originalName)}
      </Typography>
      <EvidenceActions item={item} />
      <EvidencePreview item={item} />
      <Facts
        facts={[
          ['Description', item.description],
          ['Tags', item.tags.join(', ')],
          ['Type', item.detectedType],
          ['Size', formatBytes(item.size)],
          [
            'SHA-256',
            <span key="hash" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {item.sha256}
            </span>,
          ],
          ['Acquired', formatDateTime(item.acquiredAt)],
          ['Source', source && showUntrusted(source.name)],
          ['Imported by', `${showUntrusted(item.importedBy.name)}, ${formatDateTime(item.importedAt)}`],
        ]}
      />
      <Divider />
      <Typography variant="h3" component="h3">
        Chain of custody
      </Typography>
      <List dense disablePadding aria-label="Chain of custody">
        {custody?.map((event) => (
          <ListItem key={event.id} disableGutters divider>
            <ListItemText
              primary={`${event.action} · ${showUntrusted(event.by.name)} · ${formatDateTime(event.at)}`}
              // Details quote file names as they were imported (old records too): shown safely here.
              secondary={showUntrustedLines(event.detail)}
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  )
}
