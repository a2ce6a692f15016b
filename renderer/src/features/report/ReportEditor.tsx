import { ClauseDialog } from '@features/policy'
import { Button, Stack } from '@mui/material'
import { localTimeZone, reportCaseRecords } from '@services/report-export/report-print-input'
import { thisWorkstation } from '@services/this-workstation'
import { caseTableNode, type ReportDocument } from '@shared/formats/report/report-document'
import type { ReportTemplate } from '@shared/formats/report/report-templates'
import { type Editor, useEditorState } from '@tiptap/react'
import { attempt } from '@ui/notices'
import { useWorkspaceUi } from '@workspace/workspace-store'
import {
  LinkBubbleMenu,
  MenuButton,
  MenuButtonAddTable,
  MenuButtonBlockquote,
  MenuButtonBold,
  MenuButtonBulletedList,
  MenuButtonEditLink,
  MenuButtonItalic,
  MenuButtonOrderedList,
  MenuButtonRedo,
  MenuButtonStrikethrough,
  MenuButtonUnderline,
  MenuButtonUndo,
  MenuControlsContainer,
  MenuDivider,
  MenuSelectHeading,
  RichTextEditor,
  type RichTextEditorRef,
  TableBubbleMenu,
  useRichTextEditorContext,
} from 'mui-tiptap'
import { memo, type RefObject, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { reportExtensions } from './extensions/report-extensions'
import { type InsertKind, InsertReferenceDialog } from './InsertReferenceDialog'

function RedactIcon({ className }: { className: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" width="1em" height="1em">
      <rect x="3" y="9" width="18" height="6" fill="currentColor" />
    </svg>
  )
}

/** What the toolbar shows about the cursor: it re-renders only when this changes, not per keystroke. */
function toolbarState(editor: Editor): string {
  const active = [
    'bold',
    'italic',
    'underline',
    'strike',
    'redaction',
    'bulletList',
    'orderedList',
    'blockquote',
    'link',
    'table',
  ]
    .map((name) => (editor.isActive(name) ? 1 : 0))
    .join('')
  const heading = [1, 2, 3].find((level) => editor.isActive('heading', { level })) ?? 0
  return `${active}${heading}${editor.can().undo() ? 1 : 0}${editor.can().redo() ? 1 : 0}${editor.isEditable ? 1 : 0}`
}

/** What the toolbar's insert buttons add: a reference chosen in a dialog, or the corroboration matrix. */
type ToolbarInsert = InsertKind | 'corroboration'

function ReportControls({ onInsert }: { onInsert(kind: ToolbarInsert, editor: Editor): void }) {
  const editor = useRichTextEditorContext()
  useEditorState({ editor, selector: ({ editor: current }) => (current ? toolbarState(current) : '') })
  return (
    <MenuControlsContainer>
      <MenuSelectHeading />
      <MenuDivider />
      <MenuButtonBold />
      <MenuButtonItalic />
      <MenuButtonUnderline />
      <MenuButtonStrikethrough />
      <MenuButton
        tooltipLabel="Redact (hidden in exports)"
        tooltipShortcutKeys={['mod', 'Shift', 'X']}
        aria-label="Redact"
        IconComponent={RedactIcon}
        selected={editor?.isActive('redaction') ?? false}
        disabled={!editor?.isEditable}
        onClick={() => editor?.chain().focus().toggleRedaction().run()}
      />
      <MenuDivider />
      <MenuButtonBulletedList />
      <MenuButtonOrderedList />
      <MenuButtonBlockquote />
      <MenuButtonAddTable />
      <MenuButtonEditLink />
      <MenuDivider />
      <MenuButtonUndo />
      <MenuButtonRedo />
      <MenuDivider />
      <Stack direction="row" spacing={0.5} aria-label="Insert">
        {INSERTS.map(([kind, label]) => (
          <Button key={kind} size="small" onClick={() => editor && onInsert(kind, editor)}>
            + {label}
          </Button>
        ))}
      </Stack>
    </MenuControlsContainer>
  )
}

/** The link and table menus, re-rendered when the link menu opens or closes or the cursor enters a table. */
function BubbleMenus() {
  const editor = useRichTextEditorContext()
  useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? `${(current.storage as { linkBubbleMenuHandler?: { state?: unknown } }).linkBubbleMenuHandler?.state}${current.isActive('table')}`
        : '',
  })
  return (
    <>
      <LinkBubbleMenu />
      <TableBubbleMenu />
    </>
  )
}

const INSERTS: Array<[ToolbarInsert, string]> = [
  ['exhibit', 'Exhibit reference'],
  ['figure', 'Exhibit figure'],
  ['party', 'Party'],
  ['clause', 'Policy clause'],
  ['corroboration', 'Corroboration matrix'],
]

/** Puts the case's corroboration matrix at the cursor, as a table that Refresh case tables keeps current. */
async function insertCorroboration(editor: Editor, caseId: string) {
  const node = caseTableNode(
    'corroboration',
    await reportCaseRecords(thisWorkstation, caseId),
    localTimeZone(),
    new Date().toISOString(),
  )
  editor.chain().focus().insertContent(node).run()
}

const EDITOR_PROPS = { attributes: { 'aria-label': 'Report text', spellcheck: 'true' } }
// The tab pads its content; the sticky toolbar covers that padding so no text shows above it.
const FIELD_PROPS = { variant: 'outlined', MenuBarProps: { stickyOffset: -16 } } as const
const EDITOR_STYLE = {
  '& .report-redaction': { textDecoration: 'line-through', bgcolor: 'action.selected' },
  '& .ProseMirror h1': { fontSize: '1.35rem', fontWeight: 600, mt: 2.5, mb: 0.5 },
  '& .ProseMirror h2': { fontSize: '1.15rem', fontWeight: 600, mt: 2, mb: 0.5 },
  '& .ProseMirror h3': { fontSize: '1rem', fontWeight: 600, mt: 1.5, mb: 0.5 },
  // A section's guidance sits above the empty line it describes, wrapped, never typed over.
  '& p.is-empty::before': {
    content: 'attr(data-placeholder)',
    display: 'block',
    color: 'text.disabled',
    fontStyle: 'italic',
    pointerEvents: 'none',
  },
} as const

/**
 * The report's rich text on TipTap with MUI controls: headings, emphasis, lists, tables, links,
 * redaction, and references to the case's exhibits, parties and policy clauses. Memoized with
 * stable props, so the save status changing around it never re-renders the editor.
 */
export const ReportEditor = memo(function ReportEditor({
  editorRef,
  caseId,
  document,
  template,
  editable,
  onChange,
}: {
  editorRef: RefObject<RichTextEditorRef | null>
  caseId: string
  /** The report's text as a Y.js document (see useReportDocument). */
  document: Y.Doc
  template: ReportTemplate
  editable: boolean
  /** Called on every change with a way to read the text (read when it is saved). */
  onChange(read: () => ReportDocument): void
}) {
  const selectEvidence = useWorkspaceUi((state) => state.selectEvidence)
  const [inserting, setInserting] = useState<{ kind: InsertKind; editor: Editor } | null>(null)
  const [openClause, setOpenClause] = useState<string | null>(null)
  // The extensions are made once per editor: recreating them would recreate the editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const extensions = useMemo(
    () => reportExtensions({ template, openExhibit: selectEvidence, openClause: setOpenClause, document }),
    [template.id, document],
  )
  return (
    <>
      <RichTextEditor
        ref={editorRef}
        extensions={extensions}
        editable={editable}
        immediatelyRender
        // Only a change of the text: TipTap also reports an update when the editor is locked or unlocked.
        onUpdate={({ editor, transaction }) => {
          if (transaction.docChanged) onChange(() => editor.getJSON() as ReportDocument)
        }}
        editorProps={EDITOR_PROPS}
        RichTextFieldProps={FIELD_PROPS}
        sx={EDITOR_STYLE}
        // Typing does not re-render the editor's React tree; the toolbar re-renders itself when the
        // formatting at the cursor changes (see ReportControls).
        shouldRerenderOnTransaction={false}
        renderControls={() =>
          editable && (
            <ReportControls
              onInsert={(kind, editor) =>
                kind === 'corroboration'
                  ? void attempt(
                      () => insertCorroboration(editor, caseId),
                      'The corroboration matrix is in the report.',
                    )
                  : setInserting({ kind, editor })
              }
            />
          )
        }
      >
        {() => <BubbleMenus />}
      </RichTextEditor>
      {openClause && <ClauseDialog clauseId={openClause} onClose={() => setOpenClause(null)} />}
      {inserting && (
        <InsertReferenceDialog
          kind={inserting.kind}
          caseId={caseId}
          editor={inserting.editor}
          onClose={() => setInserting(null)}
        />
      )}
    </>
  )
})
