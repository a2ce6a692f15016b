import { diffWordsWithSpace } from 'diff'
import { nodeText, type ReportDocument, type ReportNode } from './report-document'

/** What a node reads as in a version comparison: chips by their labels, redacted words marked. */
function inlineText(node: ReportNode): string {
  const redacted = node.marks?.some((mark) => mark.type === 'redaction')
  const label =
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'evidenceReference'
        ? `Exhibit ${node.attrs?.exhibit ?? ''}`
        : node.type === 'partyMention'
          ? String(node.attrs?.name ?? '')
          : node.type === 'policyClause'
            ? [node.attrs?.clauseId, node.attrs?.title].filter(Boolean).join(' ')
            : node.type === 'hardBreak'
              ? '\n'
              : (node.content ?? []).map(inlineText).join('')
  return redacted ? `⟦${label}⟧` : label
}

/**
 * A version of the report as plain lines for comparing: headings with "#", list items with "•",
 * table rows with " | ", figures and case tables by what they show. Redacted words appear as ⟦…⟧:
 * versions are compared inside the workstation, where the words are known.
 */
export function reportText(document: ReportDocument): string {
  const lines: string[] = []
  const block = (node: ReportNode, prefix = '') => {
    switch (node.type) {
      case 'heading':
        lines.push(`${'#'.repeat(Number(node.attrs?.level ?? 1))} ${nodeText(node)}`)
        return
      case 'paragraph':
        lines.push(prefix + (node.content ?? []).map(inlineText).join(''))
        return
      case 'listItem':
        for (const child of node.content ?? []) block(child, '• ')
        return
      case 'tableRow':
        lines.push(
          (node.content ?? [])
            .map((cell) =>
              (cell.content ?? []).map((part) => (part.content ?? []).map(inlineText).join('')).join(' '),
            )
            .join(' | '),
        )
        return
      case 'exhibitFigure':
        lines.push(`[Figure: Exhibit ${node.attrs?.exhibit ?? ''} — ${node.attrs?.caption ?? ''}]`)
        return
      case 'caseTable':
        lines.push(
          `[Case table: ${node.attrs?.source ?? ''}, ${(node.attrs?.rows as unknown[] | undefined)?.length ?? 0} rows]`,
        )
        return
      case 'horizontalRule':
        lines.push('———')
        return
      default:
        for (const child of node.content ?? []) block(child, prefix)
    }
  }
  block(document as ReportNode)
  return lines.join('\n')
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** Word by word, what changed from one version's text to the other's. */
export function diffReportVersions(before: ReportDocument, after: ReportDocument): DiffPart[] {
  return diffWordsWithSpace(reportText(before), reportText(after)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }))
}
