// The command registry: what the analyst can do, by name, for the palette, the keys, the menus and the `?` sheet.
export {
  type CommandContext,
  type CommandDeclaration,
  type CommandGroup,
  caseOpen,
  exhibitOpen,
  signedIn,
  withAnalyst,
  withOpenCase,
} from './command'
export { type CommandRuntime, commandRegistry, createCommandRegistry } from './command-registry'
export { onCaseTab } from './reveal'
export { commandContext, runCommand } from './run-command'
export {
  isChord,
  isTypingTarget,
  NAVIGATION_KEYS,
  shortcutLabel,
} from './shortcut-keys'
export { useCommandRuntime } from './useCommandRuntime'
export { useDeclaredCommands, useEnabledCommands } from './useCommands'
