import { repositories } from '@db/instance'
import { renderingFileName } from '@media/annotated-rendering'
import type { AnnotatedRendering } from '@media/render-annotated-image'
import { platform } from '@platform'
import {
  type Actor,
  type Evidence,
  type EvidenceAnnotation,
  exhibitLabel,
  isPageMark,
  type PageMark,
} from '@shared/domain'
import { attempt, notify } from '@ui/notices'

/**
 * Saves one burned-in rendering where the analyst chooses and records it in the chain of custody.
 * `render` makes the rendering from the item's current marks.
 */
export async function saveAnnotatedCopy(
  item: Evidence,
  analyst: Actor,
  render: (marks: PageMark[]) => Promise<AnnotatedRendering>,
  page: number | null,
): Promise<void> {
  const marks = pageMarksOf(await repositories.annotations.listForEvidence(item.id), page)
  if (marks.length === 0) {
    notify(
      'info',
      `${exhibitLabel(item.exhibitNumber)} has no marks${page === null ? '' : ` on page ${page}`} to burn in.`,
    )
    return
  }
  const rendering = await attempt(() => render(marks))
  if (!rendering) return
  const suggestedName = renderingFileName(item, rendering)
  const result = await attempt(() =>
    platform.saveFile({
      title: `Save an annotated copy of ${exhibitLabel(item.exhibitNumber)}`,
      suggestedName,
      mimeType: 'image/png',
      filters: [{ name: 'PNG images', extensions: ['png'] }],
      bytes: rendering.png,
    }),
  )
  if (!result?.saved) return
  await attempt(() =>
    repositories.evidence.recordExported(
      [item.id],
      `Saved an annotated rendering as ${suggestedName} (${rendering.marks} mark${rendering.marks === 1 ? '' : 's'}, ${rendering.redactions} redaction${rendering.redactions === 1 ? '' : 's'} burned in); the original is unchanged`,
      analyst,
    ),
  )
  notify('success', `Saved ${suggestedName}.`)
}

function pageMarksOf(annotations: EvidenceAnnotation[], page: number | null): PageMark[] {
  return annotations.filter(isPageMark).filter((mark) => mark.page === page)
}
