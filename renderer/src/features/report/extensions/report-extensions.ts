import { REPORT_SECTIONS, type ReportTemplate } from '@shared/formats/report/report-templates'
import type { Extensions } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { LinkBubbleMenuHandler } from 'mui-tiptap'
import type * as Y from 'yjs'
import { CaseTable, ExhibitFigure } from './block-nodes'
import { evidenceReferenceNode, PartyMention, policyClauseNode } from './inline-chips'
import { Redaction } from './redaction'

/** The Y.js fragment the report editor binds to. */
export const REPORT_FRAGMENT = 'default'

/**
 * Everything the report editor can hold, matching `REPORT_NODE_TYPES` and `REPORT_MARK_TYPES` in
 * shared/report (what is saved, synced and printed). Links never load anything: they are not opened
 * on click, and the print document shows them as text or plain links.
 */
export function reportExtensions(options: {
  template: ReportTemplate
  openExhibit(evidenceId: string): void
  openClause(clauseId: string): void
  /** The report's Y.js document: edits merge with other workstations' (and undo is Y.js's). */
  document?: Y.Doc
}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      codeBlock: false,
      ...(options.document ? { undoRedo: false as const } : {}),
      link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Redaction,
    evidenceReferenceNode(options.openExhibit),
    PartyMention,
    policyClauseNode(options.openClause),
    ExhibitFigure,
    CaseTable,
    LinkBubbleMenuHandler,
    ...(options.document
      ? [Collaboration.configure({ document: options.document, field: REPORT_FRAGMENT })]
      : []),
    // An empty paragraph shows what its section asks for; guidance is never part of the text.
    Placeholder.configure({
      showOnlyCurrent: false,
      placeholder: ({ editor, pos, node }) => {
        if (node.type.name !== 'paragraph') return ''
        let section = ''
        editor.state.doc.forEach((child, offset) => {
          if (offset < pos && child.type.name === 'heading' && child.attrs.level === 1)
            section = child.textContent.trim()
        })
        const known = REPORT_SECTIONS.find((name) => name === section)
        return known ? options.template.guidance[known] : 'Write here…'
      },
    }),
  ]
}
