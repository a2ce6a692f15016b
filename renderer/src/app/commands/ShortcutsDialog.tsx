import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material'
import { isChord, NAVIGATION_KEYS, useDeclaredCommands } from '@workspace/commands'
import { useAppDialogs } from '../app-dialogs'

/** The "?" sheet: the keys that move around the workspace, then every command's shortcut. */
export function ShortcutsDialog() {
  const open = useAppDialogs((state) => state.shortcutsOpen)
  const close = () => useAppDialogs.getState().setShortcutsOpen(false)
  const commands = useDeclaredCommands()
  const rows = [
    ...NAVIGATION_KEYS,
    ...commands.flatMap((command) =>
      command.shortcut ? [{ keys: command.shortcut, action: command.title }] : [],
    ),
  ]
  return (
    <Dialog open={open} onClose={close} aria-labelledby="shortcuts-title">
      <DialogTitle id="shortcuts-title" component="h2">
        Keyboard shortcuts
      </DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {row.keys.map((key, index) => (
                    <span key={key}>
                      {/* A chord's keys go together; a navigation key's alternatives are either. */}
                      {index > 0 && (isChord(row.keys) ? ' + ' : ' or ')}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </TableCell>
                <TableCell>{row.action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  )
}
