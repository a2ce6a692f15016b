import { Dialog, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material'
import type { Actor } from '@shared/domain'
import { runCommand, shortcutLabel, useEnabledCommands } from '@workspace/commands'
import { useState } from 'react'
import { useAppDialogs } from '../app-dialogs'
import { type Command, matchCommands } from './command-matching'

/** Ctrl/Cmd+K: every command that applies now, by name; type to find one, arrows to choose, Enter to run. */
export function CommandPalette({ analyst }: { analyst: Actor }) {
  const open = useAppDialogs((state) => state.paletteOpen)
  return open ? <Palette analyst={analyst} /> : null
}

function Palette({ analyst }: { analyst: Actor }) {
  const close = () => useAppDialogs.getState().setPaletteOpen(false)
  const commands: Command[] = useEnabledCommands(analyst).map((command) => ({
    label: command.title,
    shortcut: command.shortcut && shortcutLabel(command.shortcut),
    run: () => runCommand(command.id, analyst),
  }))
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
