import type { MenuCommand } from '@shared/protocol/platform/contract'
import type { MenuItemConstructorOptions } from 'electron'

/** The application menu; every command is carried out by the renderer, the same as its buttons. */
export function buildApplicationMenuTemplate(deps: {
  platform: string
  isDev: boolean
  sendCommand(command: MenuCommand): void
}): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.sendCommand(name),
  })
  const mac = deps.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        command('Import case bundle…', 'import-bundle', 'CmdOrCtrl+O'),
        command('Export all cases…', 'export-bundle', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        command('Settings…', 'open-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Find cases', 'focus-search', 'CmdOrCtrl+F'),
        command('Toggle light/dark theme', 'toggle-theme'),
        { type: 'separator' },
        ...(deps.isDev
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [command('About Critical Response Workstation', 'show-about')] },
  ]
  return mac ? [{ role: 'appMenu' }, ...template] : template
}
