import { createAppProtocolHandler } from '@electron/app-protocol'
import { createAppInfoHandler } from '@electron/handlers/app-info'
import { createMailComposeHandler } from '@electron/handlers/mail-compose'
import { createNotificationHandler } from '@electron/handlers/notification'
import { createOpenFileHandler } from '@electron/handlers/open-file'
import { createPrintReportHandler, type PrintWindow } from '@electron/handlers/print-report'
import { createSaveFileHandler } from '@electron/handlers/save-file'
import { createPrintDocuments } from '@electron/print-documents'
import { PRINT_DOCUMENT_CSP } from '@shared/formats/print-document'
import { describe, expect, it, vi } from 'vitest'

const request = {
  title: 'Export cases',
  suggestedName: 'CR-2026-000123.zip',
  mimeType: 'application/zip',
  filters: [{ name: 'Case bundles', extensions: ['zip'] }],
  bytes: new Uint8Array([1, 2, 3]),
}

describe('save file', () => {
  it('writes the bytes where the analyst chose', async () => {
    const writeFile = vi.fn(async () => {})
    const showSaveDialog = vi.fn(async () => ({
      canceled: false,
      filePath: '/home/riley/Documents/CR-2026-000123.zip',
    }))
    const save = createSaveFileHandler({
      dialog: { showSaveDialog } as never,
      writeFile,
      parentWindow: () => null,
      defaultDirectory: () => '/home/riley/Documents',
    })
    expect(await save(request)).toEqual({ saved: true, location: '/home/riley/Documents/CR-2026-000123.zip' })
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: '/home/riley/Documents/CR-2026-000123.zip',
        filters: request.filters,
      }),
    )
    expect(writeFile).toHaveBeenCalledWith('/home/riley/Documents/CR-2026-000123.zip', request.bytes)
  })

  it('writes nothing when the analyst cancels', async () => {
    const writeFile = vi.fn(async () => {})
    const save = createSaveFileHandler({
      dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) } as never,
      writeFile,
      parentWindow: () => null,
      defaultDirectory: () => '/tmp',
    })
    expect(await save(request)).toEqual({ saved: false, location: null })
    expect(writeFile).not.toHaveBeenCalled()
  })
})

describe('open file', () => {
  const dialog = (filePaths: string[], canceled = false) =>
    ({ showOpenDialog: vi.fn(async () => ({ canceled, filePaths })) }) as never

  it('reads the chosen files and names them without their folders', async () => {
    const open = createOpenFileHandler({
      dialog: dialog(['/home/riley/in/a.zip', '/home/riley/in/b.zip']),
      fileSize: async () => 3,
      readFile: async (path) => new TextEncoder().encode(path.slice(-5)),
      parentWindow: () => null,
    })
    const result = await open({ title: 'Import case bundle', filters: [], multiple: true })
    expect(result.files.map((file) => file.name)).toEqual(['a.zip', 'b.zip'])
    expect(new TextDecoder().decode(result.files[1]!.bytes)).toBe('b.zip')
  })

  it('returns nothing on cancel', async () => {
    const open = createOpenFileHandler({
      dialog: dialog([], true),
      fileSize: async () => 0,
      readFile: vi.fn(),
      parentWindow: () => null,
    })
    expect(await open({ title: 'Import', filters: [], multiple: false })).toEqual({ files: [] })
  })

  it('refuses a file over the limit before reading it', async () => {
    const readFile = vi.fn()
    const open = createOpenFileHandler({
      dialog: dialog(['/media/usb/huge.zip']),
      fileSize: async () => 3 * 1024 ** 3,
      readFile,
      parentWindow: () => null,
      limitBytes: 2 * 1024 ** 3,
    })
    await expect(open({ title: 'Import', filters: [], multiple: false })).rejects.toThrow(
      'huge.zip is 3.0 GB, over the 2.0 GB limit for opening files.',
    )
    expect(readFile).not.toHaveBeenCalled()
  })
})

describe('app info', () => {
  it('reports the app as the Electron host', async () => {
    const info = createAppInfoHandler({
      app: { getName: () => 'Critical Response Workstation', getVersion: () => '0.1.0' },
      platform: 'win32',
    })
    expect(await info()).toEqual({
      name: 'Critical Response Workstation',
      version: '0.1.0',
      host: 'electron',
      platform: 'win32',
    })
  })
})

describe('mail compose', () => {
  it('opens the mail client with an encoded mailto draft', async () => {
    const openExternal = vi.fn(async () => {})
    const compose = createMailComposeHandler({ openExternal })
    expect(await compose({ to: 'dana@example.com', subject: 'Case CR-1', body: 'Hi Dana,\nthanks' })).toEqual(
      {
        opened: true,
      },
    )
    expect(openExternal).toHaveBeenCalledWith(
      'mailto:dana@example.com?subject=Case%20CR-1&body=Hi%20Dana%2C%0D%0Athanks',
    )
  })
})

describe('case notifications', () => {
  const fakeNotifications = () => {
    const shown: Array<{ title: string; body: string; click(): void }> = []
    return {
      shown,
      create: (options: { title: string; body: string }) => {
        let listener = () => {}
        const notification = {
          ...options,
          on: (_: 'click', fn: () => void) => {
            listener = fn
          },
          show: () => shown.push({ ...options, click: () => listener() }),
        }
        return notification
      },
    }
  }

  it('shows the notification and opens the case when it is clicked', async () => {
    const fake = fakeNotifications()
    const onClick = vi.fn()
    const show = createNotificationHandler({ isSupported: () => true, create: fake.create, onClick })
    const request = { caseId: 'case-7', title: 'CR-2026-000007 is at risk', body: 'Resolution due in 2 h' }
    expect(await show(request)).toEqual({ shown: true })
    expect(fake.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: request.title, body: request.body },
    ])
    fake.shown[0]!.click()
    expect(onClick).toHaveBeenCalledWith('case-7')
  })

  it('reports that nothing was shown where the system has no notifications', async () => {
    const fake = fakeNotifications()
    const show = createNotificationHandler({
      isSupported: () => false,
      create: fake.create,
      onClick: vi.fn(),
    })
    expect(await show({ caseId: 'c', title: 't', body: '' })).toEqual({ shown: false })
    expect(fake.shown).toEqual([])
  })
})

describe('report printing', () => {
  const fakeWindow = (printToPDF: () => Promise<Uint8Array>) => {
    const window = {
      loaded: '',
      destroyed: false,
      loadURL: async (url: string) => {
        window.loaded = url
      },
      webContents: { printToPDF: vi.fn(printToPDF) },
      destroy: () => {
        window.destroyed = true
      },
    }
    return window
  }

  it('serves the document once from app:// to a fresh hidden window, prints it with bookmarks and tags, then closes it', async () => {
    const documents = createPrintDocuments()
    const protocol = createAppProtocolHandler({
      rendererDir: '/nowhere',
      fetchFile: async () => new Response('not this', { status: 404 }),
      printDocument: documents.lookup,
    })
    // A report with its pictures is megabytes: more than a data: URL may carry.
    const html = `<h1>Rapport préliminaire</h1><img src="data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}">`
    let served = ''
    const window = fakeWindow(async () => {
      const response = await protocol(new Request(window.loaded))
      served = await response.text()
      expect(response.headers.get('Content-Security-Policy')).toBe(PRINT_DOCUMENT_CSP)
      return new Uint8Array([0x25, 0x50, 0x44, 0x46])
    })
    const print = createPrintReportHandler({
      createWindow: () => window as PrintWindow,
      publish: documents.publish,
    })
    const { pdf } = await print({ html })
    expect([...pdf]).toEqual([0x25, 0x50, 0x44, 0x46])
    expect(window.loaded).toMatch(/^app:\/\/workstation\/print\/[0-9a-f-]{36}$/)
    expect(served).toBe(html)
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      preferCSSPageSize: true,
      printBackground: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    })
    expect(window.destroyed).toBe(true)
    // Served once: after printing, the address answers nothing.
    expect((await protocol(new Request(window.loaded))).status).toBe(404)
  })

  it('closes the window and withdraws the document when printing fails', async () => {
    const documents = createPrintDocuments()
    const window = fakeWindow(async () => {
      throw new Error('printing failed')
    })
    const print = createPrintReportHandler({
      createWindow: () => window as PrintWindow,
      publish: documents.publish,
    })
    await expect(print({ html: '<p>x</p>' })).rejects.toThrow('printing failed')
    expect(window.destroyed).toBe(true)
    expect(documents.lookup(window.loaded)).toBeUndefined()
  })
})
