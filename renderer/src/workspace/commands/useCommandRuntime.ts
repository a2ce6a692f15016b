import { useEffect, useRef } from 'react'
import { type CommandRuntime, commandRegistry } from './command-registry'

/**
 * While this component is mounted and `ready` (its records read), it carries out command `id` with
 * `run`: the palette, the shortcut or the menu item runs the same code as the component's button.
 */
export function useCommandRuntime(id: string, run: CommandRuntime, ready = true): void {
  // The latest `run`, so a runtime re-rendered with new state need not be registered again.
  const latest = useRef(run)
  latest.current = run
  useEffect(() => (ready ? commandRegistry.provide(id, () => latest.current()) : undefined), [id, ready])
}
