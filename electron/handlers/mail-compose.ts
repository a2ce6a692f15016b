import type { PlatformRequest, PlatformResponse } from '@shared/protocol/platform/contract'
import { mailtoLink } from '@shared/rules/communications/placeholders'

/** Hands a composed email to the system's mail client as a mailto: draft. */
export function createMailComposeHandler(deps: { openExternal(url: string): Promise<void> }) {
  return async (request: PlatformRequest<'mail:compose'>): Promise<PlatformResponse<'mail:compose'>> => {
    await deps.openExternal(mailtoLink(request.to, request.subject, request.body))
    return { opened: true }
  }
}
