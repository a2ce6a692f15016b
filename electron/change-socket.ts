import { nodeChangeSocketOpener } from '@shared/protocol/sync/change-feed'
import WebSocket from 'ws'

/** The change WebSocket in Electron's main process. */
export const openChangeSocket = nodeChangeSocketOpener(WebSocket)
