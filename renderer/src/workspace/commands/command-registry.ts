import { COMMAND_GROUPS, type CommandContext, type CommandDeclaration } from './command'
import { type KeyPress, matchesShortcut } from './shortcut-keys'

/** What a component on screen does when its command runs. */
export type CommandRuntime = () => void

/**
 * How long a revealed command waits for its component. Long enough for a case tab to read its
 * records on a slow machine; short enough that a command whose component never comes (the Report
 * tab before a report is started) does not fire later, out of the blue.
 */
const PENDING_MS = 10_000

/** The commands declared, the runtimes mounted, and the one command waiting for its runtime. */
export function createCommandRegistry(pendingMs = PENDING_MS) {
  const declarations = new Map<string, CommandDeclaration>()
  // Several mounts may provide one command: the latest does it, and the one before takes over when it goes.
  const runtimes = new Map<string, CommandRuntime[]>()
  let pending: { id: string; until: number } | null = null
  let version = 0
  const listeners = new Set<() => void>()
  const changed = () => {
    version++
    for (const listener of listeners) listener()
  }
  const runtimeOf = (id: string) => runtimes.get(id)?.at(-1)

  const isEnabled = (command: CommandDeclaration, context: CommandContext): boolean =>
    (command.when?.(context) ?? true) &&
    (runtimeOf(command.id) !== undefined || command.run !== undefined || command.reveal !== undefined)
  const declared = () =>
    [...declarations.values()].sort(
      (a, b) => COMMAND_GROUPS.indexOf(a.group) - COMMAND_GROUPS.indexOf(b.group),
    )

  return {
    /** Adds commands; the returned function takes them away again. */
    declare(commands: readonly CommandDeclaration[]): () => void {
      const twice = commands.find(
        (command, index) =>
          declarations.has(command.id) || commands.findIndex((other) => other.id === command.id) !== index,
      )
      if (twice) throw new Error(`The command ${twice.id} is declared twice`)
      for (const command of commands) declarations.set(command.id, command)
      changed()
      return () => {
        for (const command of commands) {
          if (declarations.get(command.id) === command) declarations.delete(command.id)
        }
        changed()
      }
    },

    /**
     * A component on screen can carry out `id` now; the returned function says it no longer can. A
     * command revealed for this runtime runs as soon as it arrives.
     */
    provide(id: string, runtime: CommandRuntime): () => void {
      runtimes.set(id, [...(runtimes.get(id) ?? []), runtime])
      changed()
      if (pending?.id === id) {
        const waited = pending
        pending = null
        if (Date.now() <= waited.until) runtime()
      }
      return () => {
        const left = (runtimes.get(id) ?? []).filter((candidate) => candidate !== runtime)
        if (left.length) runtimes.set(id, left)
        else runtimes.delete(id)
        changed()
      }
    },

    isEnabled,

    /** Carries out `id` if it applies; false if it does not (unknown, or not now). */
    run(id: string, context: CommandContext): boolean {
      const command = declarations.get(id)
      if (!command || !isEnabled(command, context)) return false
      pending = null
      const runtime = runtimeOf(id) ?? (command.run ? () => command.run?.(context) : undefined)
      if (runtime) {
        runtime()
        return true
      }
      command.reveal?.(context)
      const revealed = runtimeOf(id)
      if (revealed) revealed()
      else pending = { id, until: Date.now() + pendingMs }
      return true
    },

    /** Every command declared, in the palette's order (by group, then as declared). */
    declared,

    /** The commands that apply now, in the palette's order. */
    enabled: (context: CommandContext): CommandDeclaration[] =>
      declared().filter((command) => isEnabled(command, context)),

    /** The declared command a key press is the shortcut of, if any. */
    forKeys(press: KeyPress): CommandDeclaration | undefined {
      for (const command of declarations.values()) {
        if (command.shortcut && matchesShortcut(command.shortcut, press)) return command
      }
      return undefined
    },

    /** For useSyncExternalStore: notified when a command or a runtime comes or goes. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,
  }
}
export type CommandRegistry = ReturnType<typeof createCommandRegistry>

/** The workstation's one registry. */
export const commandRegistry = createCommandRegistry()
