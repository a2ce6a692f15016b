// Pure, so it can be tested without the platform the commands themselves call.
/** A registry command as the palette lists it: its title, its shortcut's label, and running it. */
export interface Command {
  label: string
  shortcut?: string
  run(): void
}

/** Commands whose label holds every typed word, in order of the list. */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return commands.filter((command) => words.every((word) => command.label.toLowerCase().includes(word)))
}
