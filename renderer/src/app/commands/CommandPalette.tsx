import { Dialog, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material'
import type { Actor } from '@shared/domain'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useMemo, useState } from 'react'
import { matchCommands } from './command-matching'
import { workstationCommands } from './commands'

/** Ctrl/Cmd+K: type to find any action, arrows to choose, Enter to run. */
export function CommandPalette({ analyst }: { analyst: Actor }) {
  const open = useWorkspaceUi((state) => state.paletteOpen)
  return open ? <Palette analyst={analyst} /> : null
}

function Palette({ analyst }: { analyst: Actor }) {
  const close = () => useWorkspaceUi.getState().setPaletteOpen(false)
  const commands = useMemo(() => workstationCommands(analyst), [analyst])
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const matches = matchCommands(commands, query)
  const run = (index: number) => {
    const command = matches[index]
    if (!command) return
    close()
    // After the dialog has closed, so focus moves (e.g. to the search box) are not undone by it.
    setTimeout(() => command.run(), 0)
  }

  return (
    <Dialog
      open
      onClose={close}
      fullWidth
      maxWidth="sm"
      slotProps={{ paper: { 'aria-label': 'Command palette' } }}
    >
      <TextField
        autoFocus
        placeholder="Type a command"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(matches.length - 1, index + 1))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1))
          else if (event.key === 'Enter') run(active)
          else return
          event.preventDefault()
        }}
        slotProps={{ htmlInput: { 'aria-label': 'Command', role: 'combobox', 'aria-expanded': true } }}
        sx={{ m: 1.5 }}
      />
      <List dense role="listbox" aria-label="Commands" sx={{ pt: 0, maxHeight: 360, overflow: 'auto' }}>
        {matches.map((command, index) => (
          <ListItemButton
            key={command.label}
            role="option"
            selected={index === active}
            aria-selected={index === active}
            onClick={() => run(index)}
          >
            <ListItemText primary={command.label} />
            {command.shortcut && (
              <Typography variant="caption" color="text.secondary">
                <kbd>{command.shortcut}</kbd>
              </Typography>
            )}
          </ListItemButton>
        ))}
        {matches.length === 0 && (
          <Typography sx={{ px: 2, py: 1 }} color="text.secondary">
            No command matches “{query}”.
          </Typography>
        )}
      </List>
    </Dialog>
  )
}
