import { buildApplicationMenuTemplate } from '@electron/menu'
import { restoreWindowState, trackWindowState } from '@electron/window-state'
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

const display = { x: 0, y: 0, width: 1920, height: 1080 }

describe('remembered window bounds', () => {
  it('restores bounds that are on a display', () => {
    const saved = JSON.stringify({ x: 100, y: 80, width: 1400, height: 900, maximized: false })
    expect(restoreWindowState(saved, [display])).toEqual({
      x: 100,
      y: 80,
      width: 1400,
      height: 900,
      maximized: false,
    })
  })

  it('ignores a missing or corrupt file', () => {
    expect(restoreWindowState(null, [display])).toBeNull()
    expect(restoreWindowState('{"x": 1', [display])).toBeNull()
    expect(
      restoreWindowState(JSON.stringify({ x: 1, y: 1, width: 10, height: 10, maximized: false }), [display]),
    ).toBeNull()
  })

  it('ignores bounds on a display that is no longer attached', () => {
    const saved = JSON.stringify({ x: 2500, y: 100, width: 1400, height: 900, maximized: true })
    expect(restoreWindowState(saved, [display])).toBeNull()
    expect(restoreWindowState(saved, [display, { x: 1920, y: 0, width: 2560, height: 1440 }])).not.toBeNull()
  })

  it('saves once after moving stops, and on close', () => {
    vi.useFakeTimers()
    const listeners = new Map<string, () => void>()
    const save = vi.fn()
    trackWindowState(
      {
        getNormalBounds: () => ({ x: 10, y: 20, width: 1300, height: 800 }),
        isMaximized: () => false,
        on: (event, listener) => listeners.set(event, listener),
      },
      save,
      500,
    )
    listeners.get('move')!()
    listeners.get('resize')!()
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(500)
    expect(save).toHaveBeenCalledTimes(1)
    listeners.get('close')!()
    expect(JSON.parse(save.mock.calls[1]![0])).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 800,
      maximized: false,
    })
    vi.useRealTimers()
  })
})

describe('application menu', () => {
  const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])

  it('sends each command to the renderer', () => {
    const sendCommand = vi.fn()
    const template = buildApplicationMenuTemplate({ platform: 'linux', isDev: false, sendCommand })
    const byLabel = new Map(items(template).map((item) => [item.label, item]))
    for (const [label, command] of [
      ['Import case bundle…', 'import-bundle'],
      ['Export all cases…', 'export-bundle'],
      ['Settings…', 'open-settings'],
      ['Find cases', 'focus-search'],
      ['Toggle light/dark theme', 'toggle-theme'],
      ['About Critical Response Workstation', 'show-about'],
    ] as const) {
      ;(byLabel.get(label)!.click as () => void)()
      expect(sendCommand).toHaveBeenLastCalledWith(command)
    }
    expect(byLabel.get('Import case bundle…')!.accelerator).toBe('CmdOrCtrl+O')
  })

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      items(buildApplicationMenuTemplate({ platform: 'linux', isDev, sendCommand: () => {} })).map(
        (item) => item.role,
      )
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('has the macOS app menu only on macOS', () => {
    expect(
      buildApplicationMenuTemplate({ platform: 'darwin', isDev: false, sendCommand: () => {} })[0]!.role,
    ).toBe('appMenu')
    expect(
      buildApplicationMenuTemplate({ platform: 'win32', isDev: false, sendCommand: () => {} })[0]!.label,
    ).toBe('File')
  })
})
