import { repositories } from '@db/instance'
import { useEvidenceObjectUrl } from '@features/evidence'
import {
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import { showUntrusted, showUntrustedLines } from '@shared/untrusted-text'
import { Node } from '@tiptap/core'
import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react'
import { useLiveQuery } from 'dexie-react-hooks'

/** Attributes kept as JSON on the node (tables of strings), rendered into data- attributes for copy and paste. */
function jsonAttribute(name: string, fallback: unknown) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => {
      try {
        return JSON.parse(element.getAttribute(`data-${name}`) ?? '')
      } catch {
        return fallback
      }
    },
    renderHTML: (attributes: Record<string, unknown>) => ({
      [`data-${name}`]: JSON.stringify(attributes[name]),
    }),
  }
}
const textAttribute = (name: string) => ({
  default: '',
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? '',
  renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: attributes[name] }),
})

function ExhibitFigureView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const evidenceId = String(node.attrs.evidenceId)
  const item = useLiveQuery(() => repositories.evidence.get(evidenceId), [evidenceId])
  const url = useEvidenceObjectUrl(item?.detectedType.startsWith('image/') ? item.sha256 : null)
  return (
    <NodeViewWrapper data-exhibit-figure={node.attrs.exhibit}>
      <Box
        contentEditable={false}
        sx={{ my: 1, p: 1, border: 1, borderColor: selected ? 'primary.main' : 'divider', borderRadius: 1 }}
      >
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          {url ? (
            <Box
              component="img"
              src={url}
              alt={`Exhibit ${node.attrs.exhibit}`}
              sx={{ maxWidth: 200, maxHeight: 140 }}
            />
          ) : null}
          <Stack spacing={1} sx={{ flex: 1 }}>
            <Typography variant="subtitle2">
              Exhibit {String(node.attrs.exhibit)}
              {item ? ` · ${showUntrusted(item.originalName)}` : ' · no longer in the case'}
            </Typography>
            <TextField
              size="small"
              label="Caption"
              value={String(node.attrs.caption)}
              disabled={!editor.isEditable}
              onChange={(event) => updateAttributes({ caption: event.target.value })}
              // Keys typed in the caption belong to the caption, not to the editor around it.
              onKeyDown={(event) => event.stopPropagation()}
            />
            <Typography variant="caption" color="text.secondary">
              Printed with its SHA-256 and acquisition record; marks and redactions drawn on it are burned in.
            </Typography>
          </Stack>
        </Stack>
      </Box>
    </NodeViewWrapper>
  )
}

/** An exhibit shown in the report: the picture (its annotated rendering when it has marks) and a caption. */
export const ExhibitFigure = Node.create({
  name: 'exhibitFigure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({
    evidenceId: textAttribute('evidenceId'),
    exhibit: textAttribute('exhibit'),
    caption: textAttribute('caption'),
  }),
  parseHTML: () => [{ tag: 'figure[data-exhibit-figure]' }],
  renderHTML: ({ HTMLAttributes }) => ['figure', { 'data-exhibit-figure': '', ...HTMLAttributes }],
  renderText: ({ node }) => `[Exhibit ${node.attrs.exhibit}: ${node.attrs.caption}]`,
  addNodeView: () => ReactNodeViewRenderer(ExhibitFigureView),
})

function CaseTableView({ node }: ReactNodeViewProps) {
  const columns = (node.attrs.columns as string[]) ?? []
  const rows = (node.attrs.rows as string[][]) ?? []
  return (
    <NodeViewWrapper data-case-table={node.attrs.source}>
      <Box contentEditable={false} sx={{ my: 1 }}>
        <Table size="small" aria-label={`Case table: ${node.attrs.source}`}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column}>{column}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={Math.max(1, columns.length)}>None recorded.</TableCell>
              </TableRow>
            ) : (
              rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot table's rows have no ids
                <TableRow key={index}>
                  {row.map((cell, column) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above
                    <TableCell key={column} sx={{ overflowWrap: 'anywhere' }}>
                      {showUntrustedLines(cell)}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <Typography variant="caption" color="text.secondary">
          Filled from the case; "Refresh case tables" brings it up to date without touching your text.
        </Typography>
      </Box>
    </NodeViewWrapper>
  )
}

/** A structured section's table (parties, timeline, evidence, communications), filled from the case. */
export const CaseTable = Node.create({
  name: 'caseTable',
  group: 'block',
  atom: true,
  addAttributes: () => ({
    source: textAttribute('source'),
    refreshedAt: textAttribute('refreshedAt'),
    columns: jsonAttribute('columns', []),
    rows: jsonAttribute('rows', []),
  }),
  parseHTML: () => [{ tag: 'div[data-case-table]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-case-table': '', ...HTMLAttributes }],
  addNodeView: () => ReactNodeViewRenderer(CaseTableView),
})
