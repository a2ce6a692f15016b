import { repositories } from '@db/instance'
import { Box, Link, List, ListItemButton, ListItemText, Tooltip, Typography } from '@mui/material'
import { formatBytes } from '@shared/byte-size'
import { type Evidence, exhibitLabel } from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useAnalyst } from '@workspace/useAnalyst'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { EvidenceImportPanel } from '../import/EvidenceImportPanel'
import { importEvidenceFiles } from '../import/import-evidence'
import { DamageMark } from './DamageMark'

/** The same bytes in other cases: a link between the cases, each openable. */
function SameFileElsewhere({ item }: { item: Evidence }) {
  const others = useLiveQuery(
    () => repositories.evidence.casesWithSameFile(item.sha256, item.caseId),
    [item.sha256, item.caseId],
  )
  const selectCase = useWorkspaceUi((state) => state.selectCase)
  if (!others?.length) return null
  return (
    <Box component="span" sx={{ display: 'block' }}>
      Same file in{' '}
      {others.map((other, index) => (
        <span key={other.id}>
          {index > 0 && ', '}
          <Link
            component="button"
            variant="caption"
            onClick={(event) => {
              event.stopPropagation()
              selectCase(other.id)
            }}
          >
            {other.caseNumber}
          </Link>
        </span>
      ))}
    </Box>
  )
}

export function EvidenceSection({ caseId }: { caseId: string }) {
  const items = useLiveQuery(() => repositories.evidence.listForCase(caseId), [caseId])
  const selected = useWorkspaceUi((state) => state.selectedEvidenceId)
  const selectEvidence = useWorkspaceUi((state) => state.selectEvidence)
  const analyst = useAnalyst()
  const [dragging, setDragging] = useState(false)
  if (!items) return null
  const take = (files: File[]) => {
    if (files.length && analyst) void importEvidenceFiles(caseId, files, analyst)
  }
  return (
    <Box
      data-testid="evidence-drop-zone"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault()
        setDragging(false)
        take([...event.dataTransfer.files])
      }}
      onPaste={(event) => take([...event.clipboardData.files])}
      tabIndex={-1}
      sx={{
        outline: dragging ? 2 : 0,
        outlineStyle: 'dashed',
        outlineColor: 'primary.main',
        borderRadius: 1,
        minHeight: 200,
      }}
    >
      <EvidenceImportPanel caseId={caseId} />
      {items.length === 0 && <EmptyNote>No evidence on this case yet.</EmptyNote>}
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
                <Box component="span" sx={item.removed ? { textDecoration: 'line-through' } : undefined}>
                  <Typography component="span" variant="body2" sx={{ fontWeight: 600, mr: 1 }}>
                    {exhibitLabel(item.exhibitNumber)}
                  </Typography>{' '}
                  {/* Shown safely: a name can carry direction overrides that fake its extension. */}
                  {showUntrusted(item.originalName)}
                  <DamageMark damage={item.damage} />
                </Box>
              }
              secondary={
                <>
                  {item.removed && (
                    <Box component="span" sx={{ display: 'block', color: 'error.main' }}>
                      Removed by {item.removed.by.name}: {item.removed.reason}
                    </Box>
                  )}
                  {item.parentEvidenceId && (
                    <Box component="span" sx={{ display: 'block' }}>
                      Attached to{' '}
                      {exhibitLabel(
                        items.find((parent) => parent.id === item.parentEvidenceId)?.exhibitNumber ?? 0,
                      )}
                    </Box>
                  )}
                  {item.detectedType} · {formatBytes(item.size)} · acquired {formatDateTime(item.acquiredAt)}{' '}
                  · SHA-256{' '}
                  <Tooltip title={item.sha256}>
                    <span style={{ fontFamily: 'monospace' }}>{item.sha256.slice(0, 12)}…</span>
                  </Tooltip>
                  <SameFileElsewhere item={item} />
                </>
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItemButton>
        ))}
      </List>
    </Box>
  )
}
