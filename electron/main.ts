// Composition root of the desktop app: wiring only. Each piece lives in its own module with tests.

import { readFileSync, writeFileSync } from 'node:fs'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { MenuCommand } from '@shared/protocol/platform/contract'
import { createSyncHandlers } from '@shared/protocol/platform/sync-handlers'
import { createChangeFeed } from '@shared/protocol/sync/change-feed'
import { createSyncGateway } from '@shared/protocol/sync/gateway'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol'
import { openChangeSocket } from './change-socket'
import { createAppInfoHandler } from './handlers/app-info'
import { createMailComposeHandler } from './handlers/mail-compose'
import { createNotificationHandler } from './handlers/notification'
import { createOpenFileHandler } from './handlers/open-file'
import { createPrintReportHandler } from './handlers/print-report'
import { createSaveFileHandler } from './handlers/save-file'
import { registerPlatformHandlers } from './ipc'
import { buildApplicationMenuTemplate } from './menu'
import { createPrintDocuments } from './print-documents'
import {
  allowedRequestSchemes,
  createTrustedOriginCheck,
  decidePermission,
  hardenWebContents,
  isAllowedRequest,
} from './security'
import { createKeychainVault } from './session-vault'
import { mainWindowOptions, printWindowOptions } from './window'
import { restoreWindowState, trackWindowState } from './window-state'

// The main bundle is an ES module: there is no here.
const here = dirname(fileURLToPath(import.meta.url))
// A packaged build shows only its own app:// pages, whatever the environment says.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const requestSchemes = allowedRequestSchemes(app.isPackaged)
const isTrusted = createTrustedOriginCheck(devServerUrl)
const windowStatePath = () => join(app.getPath('userData'), 'window-state.json')
const sessionPath = () => join(app.getPath('userData'), 'team-session.bin')
const sessionVault = createKeychainVault({
  safeStorage,
  linuxBackend: process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
  readFile: () =>
    readFile(sessionPath()).then(
      (bytes) => new Uint8Array(bytes),
      () => null,
    ),
  writeFile: (bytes) => writeFile(sessionPath(), bytes, { mode: 0o600 }),
  removeFile: () => rm(sessionPath(), { force: true }),
})
const changeFeed = createChangeFeed({
  vault: sessionVault,
  open: openChangeSocket,
  setTimer: (run, ms) => {
    const timer = setTimeout(run, ms)
    return () => clearTimeout(timer)
  },
  random: Math.random,
})
let mainWindow: BrowserWindow | null = null
const printDocuments = createPrintDocuments()

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_, contents) => hardenWebContents(contents, isTrusted))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rendererDir: join(here, '../renderer'),
        fetchFile: (path) => net.fetch(pathToFileURL(path).toString()),
        printDocument: printDocuments.lookup,
      }),
    )
    session.defaultSession.setPermissionRequestHandler((_, permission, callback, details) =>
      callback(decidePermission(permission, details, isTrusted)),
    )
    session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isAllowedRequest(details.url, isTrusted, requestSchemes) }),
    )
    registerPlatformHandlers({
      ipcMain,
      isTrustedSender: isTrusted,
      handlers: {
        'app:getInfo': createAppInfoHandler({ app, platform: process.platform }),
        'file:save': createSaveFileHandler({
          dialog,
          writeFile: (path, bytes) => writeFile(path, bytes),
          parentWindow: () => mainWindow,
          defaultDirectory: () => app.getPath('documents'),
        }),
        'file:open': createOpenFileHandler({
          dialog,
          fileSize: async (path) => (await stat(path)).size,
          readFile: async (path) => new Uint8Array(await readFile(path)),
          parentWindow: () => mainWindow,
        }),
        'mail:compose': createMailComposeHandler({ openExternal: (url) => shell.openExternal(url) }),
        'notification:show': createNotificationHandler({
          isSupported: () => Notification.isSupported(),
          create: (options) => new Notification(options),
          onClick: (caseId) => {
            if (!mainWindow) return
            if (mainWindow.isMinimized()) mainWindow.restore()
            mainWindow.focus()
            mainWindow.webContents.send('notification:clicked', caseId)
          },
        }),
        'report:print': createPrintReportHandler({
          createWindow: () => new BrowserWindow(printWindowOptions()),
          publish: printDocuments.publish,
        }),
        // Node's fetch, not the session's: the page's request filter allows no remote loads at all.
        ...createSyncHandlers(
          createSyncGateway({
            fetch: globalThis.fetch,
            vault: sessionVault,
            onSessionChange: () => void changeFeed.restart(),
          }),
        ),
      },
    })
    changeFeed.subscribe((sequence) => mainWindow?.webContents.send('sync:changed', sequence))
    const sendCommand = (command: MenuCommand) => mainWindow?.webContents.send('menu:command', command)
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildApplicationMenuTemplate({
          platform: process.platform,
          isDev: Boolean(devServerUrl),
          sendCommand,
        }),
      ),
    )
    openMainWindow()
  })
}

function openMainWindow(): void {
  let saved: string | null = null
  try {
    saved = readFileSync(windowStatePath(), 'utf8')
  } catch {
    saved = null
  }
  const state = restoreWindowState(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/preload.cjs'), state))
  if (state?.maximized) mainWindow.maximize()
  trackWindowState(mainWindow, (json) => {
    try {
      writeFileSync(windowStatePath(), json)
    } catch (error) {
      console.warn('Could not remember the window position', error)
    }
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL)
}
