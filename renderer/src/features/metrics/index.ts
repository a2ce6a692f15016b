// The metrics feature's public face: other parts of the app import only what is listed here.
export { METRICS_COMMANDS } from './commands'
export { MetricsDashboard } from './MetricsDashboard'
