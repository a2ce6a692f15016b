import { z } from 'zod'

export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export interface DisplayArea {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 }

/**
 * The bounds the window had when it was last closed, if they still make sense: a corrupt file or a
 * display that is no longer attached gives the default size, centred by Electron.
 */
export function restoreWindowState(
  saved: string | null,
  displays: readonly DisplayArea[],
): WindowState | null {
  if (saved === null) return null
  let parsed: WindowState
  try {
    parsed = WindowStateSchema.parse(JSON.parse(saved))
  } catch {
    return null
  }
  // At least a 100 × 50 corner of the title bar must be on some display, or the window is lost.
  const visible = displays.some(
    (area) =>
      parsed.x + 100 > area.x &&
      parsed.x < area.x + area.width - 100 &&
      parsed.y + 50 > area.y &&
      parsed.y < area.y + area.height - 50,
  )
  return visible ? parsed : null
}

interface TrackedWindow {
  getNormalBounds(): DisplayArea
  isMaximized(): boolean
  on(event: 'resize' | 'move' | 'close', listener: () => void): void
}

/** Saves the window's bounds (debounced while it moves, and once more on close). */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: string) => void,
  debounceMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const snapshot = () => {
    const bounds = window.getNormalBounds()
    save(JSON.stringify({ ...bounds, maximized: window.isMaximized() } satisfies WindowState))
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(snapshot, debounceMs)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', () => {
    clearTimeout(timer)
    snapshot()
  })
}
