// The orders feature's public face: other parts of the app import only what is listed here.
export { LocationThresholdsSection } from './LocationThresholdsSection'
export { OrderSection } from './OrderSection'
