/** What the page asks the demo loader worker. */
export type DemoLoaderRequest =
  | { type: 'load'; databaseName: string; count: number; seed: number; now: string }
  | { type: 'cancel' }
/** What the worker answers: progress, then how it ended. */
export type DemoLoaderReply =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; loaded: number; cancelled: boolean }
  | { type: 'failed'; message: string }
