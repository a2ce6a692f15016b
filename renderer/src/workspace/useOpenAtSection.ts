import { type RefObject, useEffect } from 'react'
import { type SettingsSection, settingsHeadingId } from './settings-sections'

/** Long enough for every section to have read its data on a slow machine. */
const PIN_MS = 10_000

/**
 * When Settings opens at a section, its heading takes the focus (after the dialog's own focus trap
 * has focused the dialog) and the section is scrolled to the top of the dialog. The sections above it
 * read their data after the dialog opens and grow meanwhile: the section is kept there as they do,
 * until the analyst scrolls, clicks or types.
 */
export function useOpenAtSection(
  open: boolean,
  section: SettingsSection | null,
  content: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open || !section) return
    const heading = () => document.getElementById(settingsHeadingId(section))
    const pin = () => heading()?.scrollIntoView({ block: 'start' })
    const grown = new ResizeObserver(pin)
    let scroller: HTMLElement | null = null
    const unpin = () => {
      grown.disconnect()
      for (const event of USER_EVENTS) scroller?.removeEventListener(event, unpin)
    }
    // A frame later: the dialog's content is in the page (its portal mounts a render after it opens).
    const frame = requestAnimationFrame(() => {
      heading()?.focus({ preventScroll: true })
      pin()
      scroller = content.current
      const sections = scroller?.firstElementChild
      if (sections) grown.observe(sections)
      for (const event of USER_EVENTS) scroller?.addEventListener(event, unpin, { passive: true })
    })
    const timer = setTimeout(unpin, PIN_MS)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      unpin()
    }
  }, [open, section, content])
}

const USER_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const
