import { nodeChangeSocketOpener } from '@shared/protocol/sync/change-feed'
import WebSocket from 'ws'

/** The change WebSocket in the web host's process. */
export const openChangeSocket = nodeChangeSocketOpener(WebSocket)
