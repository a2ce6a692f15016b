/** The parts of a keydown event a shortcut is matched against. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

/** The modifier a shortcut names; on a Mac, Cmd stands in for it. */
const CTRL = 'Ctrl'

/** Whether `press` is `shortcut` (`['s']`, `['Ctrl', 'K']`); Shift is ignored, as "?" needs it. */
export function matchesShortcut(shortcut: readonly string[], press: KeyPress): boolean {
  const key = shortcut.at(-1)
  const chord = shortcut.includes(CTRL)
  if (key === undefined || press.altKey || chord !== (press.ctrlKey || press.metaKey)) return false
  return chord ? press.key.toLowerCase() === key.toLowerCase() : press.key === key
}

/** A shortcut with a modifier works anywhere, even while typing; a single key does not. */
export const isChord = (shortcut: readonly string[]): boolean => shortcut.includes(CTRL)

/** How a shortcut reads in the palette: `Ctrl+K`. */
export const shortcutLabel = (shortcut: readonly string[]): string => shortcut.join('+')

/** Single-key shortcuts must not fire while the analyst is typing. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The keys that move around the workspace rather than run a command, for the `?` sheet (which lists
 * them before the commands' shortcuts). Handled where they apply: the queue grid and the case pane.
 */
export const NAVIGATION_KEYS = [
  { keys: ['j', '↓'], action: 'Next case in the queue (queue focused)' },
  { keys: ['k', '↑'], action: 'Previous case in the queue (queue focused)' },
  { keys: ['Enter'], action: 'Go from the queue into the open case' },
  { keys: ['Esc'], action: 'Back from the case to the queue' },
] as const
