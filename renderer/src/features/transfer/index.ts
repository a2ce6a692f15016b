// The transfer feature's public face: other parts of the app import only what is listed here.

export { TransferMenu } from './TransferMenu'
export { exportAllCases, exportOneCase, importCaseBundles, runReported } from './transfer-actions'
