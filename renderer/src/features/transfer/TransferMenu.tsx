import ImportExportIcon from '@mui/icons-material/ImportExport'
import { Button, ListItemText, Menu, MenuItem } from '@mui/material'
import type { Actor } from '@shared/domain'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useState } from 'react'
import { exportAllCases, exportOneCase, importCaseBundles, runReported } from './transfer-actions'

export function TransferMenu({ analyst }: { analyst: Actor }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const selectedCaseId = useWorkspaceUi((state) => state.selectedCaseId)
  const run = (action: () => Promise<void>) => {
    setAnchor(null)
    runReported(action)
  }
  return (
    <>
      <Button
        color="inherit"
        startIcon={<ImportExportIcon />}
        aria-label="Import or export cases"
        aria-haspopup="menu"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        Cases
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run(() => importCaseBundles(analyst))}>
          <ListItemText primary="Import case bundle…" secondary="A .zip exported from a workstation" />
        </MenuItem>
        {selectedCaseId && (
          <MenuItem onClick={() => run(() => exportOneCase(selectedCaseId, analyst))}>
            <ListItemText primary="Export this case…" />
          </MenuItem>
        )}
        <MenuItem onClick={() => run(() => exportAllCases(analyst))}>
          <ListItemText primary="Export all cases…" />
        </MenuItem>
      </Menu>
    </>
  )
}
