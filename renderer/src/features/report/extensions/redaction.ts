import { Mark } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    redaction: { toggleRedaction: () => ReturnType }
  }
}

/**
 * Words to keep out of what leaves the workstation: struck through in the editor, replaced by a
 * solid bar in the printed report (the words themselves are never in the PDF).
 */
export const Redaction = Mark.create({
  name: 'redaction',
  // Redacting part of a mention or a reference hides all of it.
  spanning: true,
  parseHTML: () => [{ tag: 'span[data-redaction]' }],
  renderHTML: () => [
    'span',
    { 'data-redaction': '', class: 'report-redaction', title: 'Redacted in exports' },
    0,
  ],
  addCommands() {
    return {
      toggleRedaction:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    }
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-x': () => this.editor.commands.toggleRedaction() }
  },
})
