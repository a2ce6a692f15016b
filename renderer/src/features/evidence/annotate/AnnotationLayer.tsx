import type { NewAnnotation } from '@db/repositories/annotations'
import type { PageMark } from '@shared/domain'
import { boxBetween, type FractionPoint, isTooSmall } from '@shared/formats/evidence/annotation-geometry'
import { useAnalyst } from '@workspace/useAnalyst'
import { type PointerEvent, useRef, useState } from 'react'
import { AnnotationTextDialog } from './AnnotationTextDialog'
import { addAnnotation } from './add-annotation'
import { type AnnotationTool, useAnnotationTool } from './annotation-tool-store'
import { MarkShapes } from './MarkShapes'

type DrawingTool = Exclude<AnnotationTool, 'inspect'>

/** The geometry a drag produced, before it becomes a stored mark. */
function shapeOf(tool: DrawingTool, start: FractionPoint, end: FractionPoint) {
  if (tool === 'arrow') return { kind: tool, x1: start.x, y1: start.y, x2: end.x, y2: end.y }
  return { kind: tool, ...boxBetween(start, end) }
}
type DrawnShape = ReturnType<typeof shapeOf>

/**
 * The marks of one image or PDF page, laid over it in its own pixels, and the drawing surface for
 * new ones: with a drawing tool in hand, a drag draws that mark (a callout then asks for its text).
 * With "inspect" in hand it lets every pointer through to the viewer underneath (pan, zoom).
 */
export function AnnotationLayer({
  evidenceId,
  page,
  marks,
  width,
  height,
  toFraction,
}: {
  evidenceId: string
  page: number | null
  marks: PageMark[]
  width: number
  height: number
  /** The point of the original under the pointer; by default from the layer's on-screen box. */
  toFraction?(clientX: number, clientY: number): FractionPoint
}) {
  const analyst = useAnalyst()
  const tool = useAnnotationTool((state) => state.tool)
  const surface = useRef<SVGSVGElement>(null)
  const [drag, setDrag] = useState<{ start: FractionPoint; end: FractionPoint } | null>(null)
  const [pendingCallout, setPendingCallout] = useState<DrawnShape | null>(null)
  const drawing = tool !== 'inspect' && Boolean(analyst)

  const pointAt = (event: PointerEvent) => {
    if (toFraction) return toFraction(event.clientX, event.clientY)
    const box = surface.current!.getBoundingClientRect()
    const clamp = (value: number) => Math.min(1, Math.max(0, value))
    return {
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    }
  }

  const save = async (shape: DrawnShape, text?: string) =>
    Boolean(analyst) &&
    addAnnotation(
      // The kind and its geometry come from one tool; the schema checks them again on the way in.
      { ...shape, evidenceId, page, ...(text === undefined ? {} : { text }) } as NewAnnotation,
      analyst!,
    )

  const finish = (event: PointerEvent) => {
    if (!drag || !drawing) return
    setDrag(null)
    const end = pointAt(event)
    if (isTooSmall(drag.start, end)) return
    const shape = shapeOf(tool, drag.start, end)
    if (shape.kind === 'callout') setPendingCallout(shape)
    else void save(shape)
  }

  const draft: PageMark[] = []
  if (drag && drawing && !isTooSmall(drag.start, drag.end)) {
    const base = { id: 'draft', caseId: '', evidenceId, page, createdAt: '', createdBy: analyst! }
    const shape = shapeOf(tool, drag.start, drag.end)
    draft.push({ ...base, ...shape, text: shape.kind === 'callout' ? '…' : undefined } as PageMark)
  }

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing surface cannot be a fieldset; the group names the marks it holds */}
      <svg
        ref={surface}
        role="group"
        aria-label={`Annotations${page === null ? '' : ` on page ${page}`}`}
        data-testid="annotation-layer"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        style={{
          position: 'absolute',
          inset: 0,
          width: '100%',
          height: '100%',
          overflow: 'visible',
          pointerEvents: drawing ? 'auto' : 'none',
          cursor: drawing ? 'crosshair' : undefined,
          touchAction: 'none',
        }}
        onPointerDown={(event) => {
          if (!drawing || event.button !== 0) return
          event.stopPropagation()
          event.currentTarget.setPointerCapture(event.pointerId)
          const start = pointAt(event)
          setDrag({ start, end: start })
        }}
        onPointerMove={(event) => {
          if (drag) setDrag({ ...drag, end: pointAt(event) })
        }}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(null)}
      >
        <MarkShapes marks={[...marks, ...draft]} width={width} height={height} />
      </svg>
      {pendingCallout && (
        <AnnotationTextDialog
          title="Text callout"
          label="Callout text"
          onSave={(text) => save(pendingCallout, text)}
          onClose={() => setPendingCallout(null)}
        />
      )}
    </>
  )
}
