import type { Actor } from '@shared/domain'
import { commandRegistry, isChord, isTypingTarget, runCommand } from '@workspace/commands'
import { useEffect } from 'react'

/**
 * Every command's shortcut, anywhere in the workspace. A chord (Ctrl+K, Ctrl+,) works even while
 * typing; a single key ("/", "n", "a", "s", "?") not while typing or in a dialog. The desktop app's
 * menu has Ctrl+, too; the web host has no menu, so it is handled here as well.
 */
export function useGlobalShortcuts(analyst: Actor | null | undefined) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandRegistry.forKeys(event)
      if (!command?.shortcut) return
      if (!isChord(command.shortcut)) {
        if (event.defaultPrevented || isTypingTarget(event.target)) return
        if (document.querySelector('[role="dialog"]')) return
      }
      if (runCommand(command.id, analyst ?? null)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [analyst])
}
