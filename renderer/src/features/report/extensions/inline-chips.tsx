import { Chip } from '@mui/material'
import { showUntrusted } from '@shared/untrusted-text'
import { mergeAttributes, Node } from '@tiptap/core'
import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react'

interface ChipOptions {
  label(attrs: Record<string, string>): string
  onOpen?(attrs: Record<string, string>): void
}

function ChipView({ node, selected, extension, editor, getPos }: ReactNodeViewProps) {
  const options = extension.options as ChipOptions
  const attrs = node.attrs as Record<string, string>
  const redacted = node.marks.some((mark) => mark.type.name === 'redaction')
  return (
    <NodeViewWrapper as="span" data-chip={extension.name}>
      <Chip
        size="small"
        // A mention keeps the party's name as it was: shown with controls and overrides replaced.
        label={showUntrusted(options.label(attrs))}
        variant={selected ? 'filled' : 'outlined'}
        onClick={
          options.onOpen
            ? () => {
                // The cursor goes after the chip: left selected, the next keystroke would replace it.
                const position = getPos()
                if (typeof position === 'number') editor.commands.setTextSelection(position + node.nodeSize)
                options.onOpen!(attrs)
              }
            : undefined
        }
        sx={{ mx: 0.25, textDecoration: redacted ? 'line-through' : undefined, height: 20 }}
      />
    </NodeViewWrapper>
  )
}

/**
 * An inline reference the analyst cannot half-edit (an atom): an exhibit, a party, a policy clause.
 * It keeps the ids it points at and the label it had when inserted, so the report reads the same
 * even if the record later changes.
 */
function inlineChip(options: {
  name: string
  attributes: readonly string[]
  label(attrs: Record<string, string>): string
  /** What choosing the chip does (opening the exhibit ...), if anything. */
  onOpen?(attrs: Record<string, string>): void
}) {
  return Node.create<ChipOptions>({
    name: options.name,
    addOptions: () => ({ label: options.label, onOpen: options.onOpen }),
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    addAttributes() {
      return Object.fromEntries(
        options.attributes.map((name) => [
          name,
          { default: '', parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '' },
        ]),
      )
    },
    parseHTML: () => [{ tag: `span[data-chip="${options.name}"]` }],
    renderHTML({ node, HTMLAttributes }) {
      return [
        'span',
        mergeAttributes(
          { 'data-chip': options.name },
          Object.fromEntries(options.attributes.map((name) => [`data-${name}`, HTMLAttributes[name]])),
        ),
        options.label(node.attrs as Record<string, string>),
      ]
    },
    renderText: ({ node }) => options.label(node.attrs as Record<string, string>),
    addNodeView: () => ReactNodeViewRenderer(ChipView),
  })
}

export function evidenceReferenceNode(openExhibit: (evidenceId: string) => void) {
  return inlineChip({
    name: 'evidenceReference',
    attributes: ['evidenceId', 'exhibit'],
    label: (attrs) => `Exhibit ${attrs.exhibit}`,
    onOpen: (attrs) => openExhibit(attrs.evidenceId!),
  })
}

export const PartyMention = inlineChip({
  name: 'partyMention',
  attributes: ['partyId', 'name', 'role'],
  label: (attrs) => attrs.name ?? '',
})

/** A cited policy clause; choosing it shows the clause from the policy library. */
export function policyClauseNode(openClause: (clauseId: string) => void) {
  return inlineChip({
    name: 'policyClause',
    attributes: ['clauseId', 'title'],
    label: (attrs) => [attrs.clauseId, attrs.title].filter(Boolean).join(' '),
    onOpen: (attrs) => openClause(attrs.clauseId!),
  })
}
