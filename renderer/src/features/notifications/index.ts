// The notifications feature's public face: other parts of the app import only what is listed here.
export { useNotificationStore } from './notification-store'
export { useSlaNotifications } from './useSlaNotifications'
