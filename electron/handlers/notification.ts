import type { PlatformRequest, PlatformResponse } from '@shared/protocol/platform/contract'

interface DesktopNotification {
  on(event: 'click', listener: () => void): unknown
  show(): void
}

/**
 * Shows a case notification through the operating system; a click brings the window forward and
 * tells the renderer which case to open.
 */
export function createNotificationHandler(deps: {
  isSupported(): boolean
  create(options: { title: string; body: string }): DesktopNotification
  onClick(caseId: string): void
}) {
  // Electron drops notifications that are garbage-collected before they are clicked: keep them.
  const pending = new Set<DesktopNotification>()
  return async (
    request: PlatformRequest<'notification:show'>,
  ): Promise<PlatformResponse<'notification:show'>> => {
    if (!deps.isSupported()) return { shown: false }
    const notification = deps.create({ title: request.title, body: request.body })
    pending.add(notification)
    notification.on('click', () => {
      pending.delete(notification)
      deps.onClick(request.caseId)
    })
    notification.show()
    return { shown: true }
  }
}
