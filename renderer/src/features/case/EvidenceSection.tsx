import { List, ListItemButton, ListItemText, Tooltip, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { formatBytes } from '../../../../shared/byte-size'
import { exhibitLabel } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { useWorkspaceUi } from '../shell/ui-store'
import { EmptyNote } from './Facts'

export function EvidenceSection({ caseId }: { caseId: string }) {
  const items = useLiveQuery(() => repositories.evidence.listForCase(caseId), [caseId])
  const selected = useWorkspaceUi((state) => state.selectedEvidenceId)
  const selectEvidence = useWorkspaceUi((state) => state.selectEvidence)
  if (!items) return null
  if (items.length === 0) return <EmptyNote>No evidence on this case yet.</EmptyNote>
  return (
    <List dense disablePadding aria-label="Evidence">
      {items.map((item) => (
        <ListItemButton
          key={item.id}
          divider
          selected={item.id === selected}
          onClick={() => selectEvidence(item.id)}
        >
          <ListItemText
            primary={
              <>
                <Typography component="span" variant="body2" sx={{ fontWeight: 600, mr: 1 }}>
                  {exhibitLabel(item.exhibitNumber)}
                </Typography>{' '}
                {item.originalName}
              </>
            }
            secondary={
              <>
                {item.detectedType} · {formatBytes(item.size)} · acquired {formatDateTime(item.acquiredAt)} ·
                SHA-256{' '}
                <Tooltip title={item.sha256}>
                  <span style={{ fontFamily: 'monospace' }}>{item.sha256.slice(0, 12)}…</span>
                </Tooltip>
              </>
            }
          />
        </ListItemButton>
      ))}
    </List>
  )
}
