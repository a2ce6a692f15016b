import { registerPlatformHandlers } from '@electron/ipc'
import { createTrustedOriginCheck } from '@electron/security'
import type { PlatformHandlers } from '@shared/protocol/platform/contract'
import { createSyncHandlers } from '@shared/protocol/platform/sync-handlers'
import { createSyncGateway, memoryVault } from '@shared/protocol/sync/gateway'
import { describe, expect, it, vi } from 'vitest'

type Listener = (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<unknown>

function wire(overrides: Partial<PlatformHandlers> = {}) {
  const listeners = new Map<string, Listener>()
  const handlers: PlatformHandlers = {
    'app:getInfo': vi.fn(async () => ({
      name: 'Critical Response Workstation',
      version: '0.1.0',
      host: 'electron' as const,
      platform: 'linux',
    })),
    'file:save': vi.fn(async () => ({ saved: true, location: '/home/riley/cases.zip' })),
    'file:open': vi.fn(async () => ({ files: [] })),
    'mail:compose': vi.fn(async () => ({ opened: true })),
    'notification:show': vi.fn(async () => ({ shown: true })),
    'report:print': vi.fn(async () => ({ pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46]) })),
    ...createSyncHandlers(createSyncGateway({ fetch: vi.fn(), vault: memoryVault() })),
    ...overrides,
  }
  registerPlatformHandlers({
    ipcMain: { handle: (channel, listener) => listeners.set(channel, listener as unknown as Listener) },
    handlers,
    isTrustedSender: createTrustedOriginCheck(undefined),
  })
  const call = (channel: string, payload: unknown, url = 'app://workstation/index.html') =>
    listeners.get(channel)!({ senderFrame: { url } }, payload)
  return { listeners, handlers, call }
}

const saveRequest = {
  title: 'Export cases',
  suggestedName: 'cases-2026-11-24.zip',
  mimeType: 'application/zip',
  filters: [{ name: 'Case bundles', extensions: ['zip'] }],
  bytes: new Uint8Array([80, 75]),
}

describe('IPC wiring of the platform contract', () => {
  it('registers exactly the contract channels', () => {
    expect([...wire().listeners.keys()].sort()).toEqual([
      'app:getInfo',
      'file:open',
      'file:save',
      'mail:compose',
      'notification:show',
      'report:print',
      'sync:caseAudit',
      'sync:downloadBlob',
      'sync:pull',
      'sync:push',
      'sync:session',
      'sync:signIn',
      'sync:signOut',
      'sync:team',
      'sync:uploadBlob',
    ])
  })

  it('passes a valid request from the app to its handler', async () => {
    const { call, handlers } = wire()
    await expect(call('file:save', saveRequest)).resolves.toEqual({
      saved: true,
      location: '/home/riley/cases.zip',
    })
    expect(handlers['file:save']).toHaveBeenCalledWith(saveRequest)
  })

  it('refuses a page that is not the app, without calling the handler', async () => {
    const { call, handlers } = wire()
    await expect(call('file:save', saveRequest, 'https://evil.example/')).rejects.toThrow(
      /untrusted page \(https:\/\/evil\.example\/\)/,
    )
    await expect(call('file:save', saveRequest, 'file:///etc/passwd')).rejects.toThrow(/untrusted page/)
    expect(handlers['file:save']).not.toHaveBeenCalled()
  })

  it('refuses a malformed request with a message naming the field', async () => {
    const { call, handlers } = wire()
    await expect(call('file:save', { ...saveRequest, suggestedName: '../../.bashrc' })).rejects.toThrow(
      /Invalid "file:save" request: suggestedName: not a safe file name/,
    )
    await expect(call('file:save', { ...saveRequest, bytes: 'PK' })).rejects.toThrow(/bytes: expected bytes/)
    await expect(call('app:getInfo', { extra: true })).rejects.toThrow(/Invalid "app:getInfo" request/)
    expect(handlers['file:save']).not.toHaveBeenCalled()
  })

  it('refuses to send back an answer that breaks the contract', async () => {
    const { call } = wire({ 'app:getInfo': async () => ({ name: 'x' }) as never })
    await expect(call('app:getInfo', {})).rejects.toThrow(/"app:getInfo" produced an invalid answer/)
  })

  it('trusts the dev server only when one is running', () => {
    const dev = createTrustedOriginCheck('http://localhost:5173/')
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(createTrustedOriginCheck(undefined)('http://localhost:5173/')).toBe(false)
  })
})

describe('mail and notification requests', () => {
  it('refuses a mail draft to something that is not an email address', async () => {
    const { call, handlers } = wire()
    await expect(call('mail:compose', { to: 'javascript:alert(1)', subject: '', body: '' })).rejects.toThrow(
      /Invalid "mail:compose" request/,
    )
    expect(handlers['mail:compose']).not.toHaveBeenCalled()
  })

  it('refuses a notification with extra fields', async () => {
    const { call, handlers } = wire()
    await expect(
      call('notification:show', { caseId: 'c', title: 't', body: '', icon: 'https://evil.example/x.png' }),
    ).rejects.toThrow(/Invalid "notification:show" request/)
    expect(handlers['notification:show']).not.toHaveBeenCalled()
  })
})
