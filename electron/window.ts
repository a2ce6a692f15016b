import type { BrowserWindowConstructorOptions } from 'electron'
import { DEFAULT_WINDOW_SIZE, type WindowState } from './window-state'

/** The main window's options: the security baseline lives here, in one place. */
export function mainWindowOptions(
  preloadPath: string,
  state: WindowState | null,
): BrowserWindowConstructorOptions {
  return {
    ...(state ? { x: state.x, y: state.y, width: state.width, height: state.height } : DEFAULT_WINDOW_SIZE),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Critical Response Workstation',
    backgroundColor: '#121417',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/**
 * The hidden window a report is printed in: never shown, no preload, sandboxed, and with scripts off
 * (the print document has none; its CSP forbids loading anything but its inline images).
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}
