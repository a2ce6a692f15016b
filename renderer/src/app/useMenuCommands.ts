import { platform } from '@platform'
import type { Actor } from '@shared/domain'
import type { MenuCommand } from '@shared/protocol/platform/contract'
import { runCommand } from '@workspace/commands'
import { useEffect } from 'react'

/** The registry command each item of the desktop app's menu runs: the same as its button and its keys. */
const MENU_COMMANDS: Record<MenuCommand, string> = {
  'import-bundle': 'transfer.import-case-bundles',
  'export-bundle': 'transfer.export-all-cases',
  'open-settings': 'workstation.settings',
  'toggle-theme': 'workstation.toggle-theme',
  'focus-search': 'workstation.search-cases',
  'show-about': 'workstation.about',
}

export function useMenuCommands(analyst: Actor | null | undefined): void {
  useEffect(
    () => platform.onMenuCommand((command) => void runCommand(MENU_COMMANDS[command], analyst ?? null)),
    [analyst],
  )
}
