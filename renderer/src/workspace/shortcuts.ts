/** Every keyboard shortcut, as the help sheet lists it. One list, so the sheet cannot drift. */
export const SHORTCUTS = [
  { keys: ['j', '↓'], action: 'Next case in the queue (queue focused)' },
  { keys: ['k', '↑'], action: 'Previous case in the queue (queue focused)' },
  { keys: ['Enter'], action: 'Go from the queue into the open case' },
  { keys: ['Esc'], action: 'Back from the case to the queue' },
  { keys: ['/'], action: 'Search cases' },
  { keys: ['n'], action: 'New case' },
  { keys: ['a'], action: 'Assign the open case to me' },
  { keys: ['s'], action: 'Change the status of the open case' },
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Ctrl', 'K'], action: 'Command palette: every action, by name' },
  { keys: ['Ctrl', ','], action: 'Settings' },
] as const

/** Single-key shortcuts must not fire while the analyst is typing. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}
