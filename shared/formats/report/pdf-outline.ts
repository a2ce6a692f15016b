import type { OutlineEntry } from './report-pdf'

/** The part of a pdf.js document that reading its outline needs (structural, so no DOM types). */
export interface OutlineSource {
  getOutline(): Promise<OutlineItem[] | null>
  getDestination(id: string): Promise<unknown[] | null>
  getPageIndex(ref: never): Promise<number>
}
interface OutlineItem {
  title: string
  dest: string | unknown[] | null
  items: OutlineItem[]
}

/** A PDF's bookmarks flattened in document order, each with the 1-based page it points at. */
export async function outlineEntries(pdf: OutlineSource): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = []
  const visit = async (items: readonly OutlineItem[]) => {
    for (const item of items) {
      const destination = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest
      const target = destination?.[0]
      if (target !== undefined && target !== null) {
        const page = typeof target === 'number' ? target + 1 : (await pdf.getPageIndex(target as never)) + 1
        entries.push({ title: item.title, page })
      }
      await visit(item.items ?? [])
    }
  }
  await visit((await pdf.getOutline()) ?? [])
  return entries
}
