import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material'
import { SHORTCUTS } from '@workspace/shortcuts'
import { useWorkspaceUi } from '@workspace/workspace-store'

/** The "?" sheet: every shortcut and what it does. */
export function ShortcutsDialog() {
  const open = useWorkspaceUi((state) => state.shortcutsOpen)
  const close = () => useWorkspaceUi.getState().setShortcutsOpen(false)
  return (
    <Dialog open={open} onClose={close} aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title" component="h2">
        Keyboard shortcuts
      </DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (shortcut.keys[0] === 'Ctrl' ? ' + ' : ' or ')}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </TableCell>
                <TableCell>{shortcut.action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  )
}
