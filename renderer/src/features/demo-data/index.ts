// The demo-data feature's public face: other parts of the app import only what is listed here.
export { DemoDataSection } from './DemoDataSection'
