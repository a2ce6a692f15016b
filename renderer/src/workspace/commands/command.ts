import type { Actor } from '@shared/domain'

/** What a command's condition and action see: who is working and what they have open. */
export interface CommandContext {
  analyst: Actor | null
  caseId: string | null
  evidenceId: string | null
}

/** The palette lists commands by group, in this order. */
export const COMMAND_GROUPS = [
  'Workstation',
  'Queue',
  'Case',
  'Evidence',
  'Report',
  'Import and export',
  'Settings',
  'Help',
] as const
export type CommandGroup = (typeof COMMAND_GROUPS)[number]

/**
 * One thing the analyst can do, by name: the palette, the keyboard, the menus and the `?` sheet all
 * read these. A command is carried out by the first of: a runtime that a component on screen has
 * registered for it (see useCommandRuntime), its own `run`, or, after `reveal` has brought that
 * component on screen, the runtime it then registers.
 */
export interface CommandDeclaration {
  /** Stable: menus, buttons and tests name a command by it. */
  id: string
  /** What the palette and the `?` sheet show, in the analyst's words. */
  title: string
  group: CommandGroup
  /** The keys as the `?` sheet shows them: `['s']`, `['Ctrl', 'K']` (Ctrl is Cmd on a Mac). */
  shortcut?: readonly string[]
  /** When it applies; without it, always (given a way to carry it out). */
  when?(context: CommandContext): boolean
  /** Carries it out with no component on screen (an export, a queue view). */
  run?(context: CommandContext): void
  /** Brings on screen the component that carries it out (say, the case tab it lives on). */
  reveal?(context: CommandContext): void
}

export const signedIn = (context: CommandContext): boolean => context.analyst !== null
export const caseOpen = (context: CommandContext): boolean => signedIn(context) && context.caseId !== null
export const exhibitOpen = (context: CommandContext): boolean =>
  caseOpen(context) && context.evidenceId !== null

/** A command that needs the signed-in analyst. */
export const withAnalyst = (run: (analyst: Actor) => void): Pick<CommandDeclaration, 'when' | 'run'> => ({
  when: signedIn,
  run: ({ analyst }) => {
    if (analyst) run(analyst)
  },
})

/** A command on the open case. */
export const withOpenCase = (
  run: (caseId: string, analyst: Actor) => void,
): Pick<CommandDeclaration, 'when' | 'run'> => ({
  when: caseOpen,
  run: ({ caseId, analyst }) => {
    if (caseId && analyst) run(caseId, analyst)
  },
})
