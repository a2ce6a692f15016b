// The transfer feature's public face: other parts of the app import only what is listed here.

export { TRANSFER_COMMANDS } from './commands'
export { TransferMenu } from './TransferMenu'
export { importCaseBundles, runReported } from './transfer-actions'
