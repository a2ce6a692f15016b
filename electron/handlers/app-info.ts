import type { PlatformResponse } from '@shared/protocol/platform/contract'

export function createAppInfoHandler(deps: {
  app: { getName(): string; getVersion(): string }
  platform: string
}) {
  return async (): Promise<PlatformResponse<'app:getInfo'>> => ({
    name: deps.app.getName(),
    version: deps.app.getVersion(),
    host: 'electron',
    platform: deps.platform,
  })
}
