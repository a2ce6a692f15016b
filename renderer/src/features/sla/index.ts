// The sla feature's public face: other parts of the app import only what is listed here.
export { SlaChip } from './SlaChip'
export { SlaHistory } from './SlaHistory'
export { SlaPolicySection } from './SlaPolicySection'
export { useNow } from './useNow'
export { useSlaClocks } from './useSlaClocks'
export { useSlaPolicy } from './useSlaPolicy'
