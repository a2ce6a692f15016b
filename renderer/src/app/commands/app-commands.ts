import { focusCaseSearch } from '@ui/focus-targets'
import { type CommandDeclaration, signedIn } from '@workspace/commands'
import { SETTINGS_SECTIONS, settingsHeadingId } from '@workspace/settings-sections'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useAppDialogs } from '../app-dialogs'

/** The frame's commands: search, Settings, help. */
export const APP_COMMANDS: CommandDeclaration[] = [
  {
    id: 'workstation.search-cases',
    title: 'Search cases',
    group: 'Workstation',
    shortcut: ['/'],
    run: focusCaseSearch,
  },
  // The theme: App, which knows the mode on screen. The evidence pane: Workspace, while it is hidden.
  { id: 'workstation.toggle-theme', title: 'Toggle light/dark theme', group: 'Workstation' },
  { id: 'workstation.show-evidence-pane', title: 'Show the evidence pane', group: 'Workstation' },
  {
    id: 'workstation.settings',
    title: 'Settings',
    group: 'Settings',
    shortcut: ['Ctrl', ','],
    when: signedIn,
    run: () => useWorkspaceUi.getState().openSettings(),
  },
  ...SETTINGS_SECTIONS.map(
    (section): CommandDeclaration => ({
      id: `workstation.${settingsHeadingId(section)}`,
      title: `Settings: ${section}`,
      group: 'Settings',
      when: signedIn,
      run: () => useWorkspaceUi.getState().openSettings(section),
    }),
  ),
  {
    id: 'workstation.keyboard-shortcuts',
    title: 'Keyboard shortcuts',
    group: 'Help',
    shortcut: ['?'],
    run: () => useAppDialogs.getState().setShortcutsOpen(true),
  },
  {
    id: 'workstation.command-palette',
    title: 'Command palette',
    group: 'Help',
    shortcut: ['Ctrl', 'K'],
    when: signedIn,
    run: () => useAppDialogs.getState().setPaletteOpen(true),
  },
  {
    id: 'workstation.about',
    title: 'About Critical Response Workstation',
    group: 'Help',
    run: () => useAppDialogs.getState().setAboutOpen(true),
  },
]
