import type { PageMark } from '@shared/domain'
import {
  arrowHeadPoints,
  MARK_COLOURS,
  markStyle,
  wrapText,
} from '@shared/formats/evidence/annotation-geometry'

type Canvas2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Burns marks into a picture already drawn on the canvas (width × height pixels). Redactions are
 * painted last and solid, so nothing under them, not even another mark, survives in the rendering.
 */
export function drawMarks(context: Canvas2D, marks: readonly PageMark[], width: number, height: number) {
  const style = markStyle(width, height)
  context.save()
  context.lineWidth = style.stroke
  context.strokeStyle = MARK_COLOURS.outline
  context.fillStyle = MARK_COLOURS.outline
  const ordered = [
    ...marks.filter((mark) => mark.kind !== 'redaction'),
    ...marks.filter((mark) => mark.kind === 'redaction'),
  ]
  for (const mark of ordered) {
    if (mark.kind === 'arrow') {
      const [x1, y1, x2, y2] = [mark.x1 * width, mark.y1 * height, mark.x2 * width, mark.y2 * height]
      context.beginPath()
      context.moveTo(x1, y1)
      context.lineTo(x2, y2)
      context.stroke()
      const [tip, left, right] = arrowHeadPoints(x1, y1, x2, y2, style.arrowHead)
      context.beginPath()
      context.moveTo(...tip!)
      context.lineTo(...left!)
      context.lineTo(...right!)
      context.closePath()
      context.fillStyle = MARK_COLOURS.outline
      context.fill()
      continue
    }
    const [x, y, w, h] = [mark.x * width, mark.y * height, mark.width * width, mark.height * height]
    if (mark.kind === 'redaction') {
      context.fillStyle = MARK_COLOURS.redaction
      context.fillRect(x, y, w, h)
    } else if (mark.kind === 'rectangle') {
      context.strokeRect(x, y, w, h)
    } else {
      context.fillStyle = MARK_COLOURS.calloutFill
      context.fillRect(x, y, w, h)
      context.strokeRect(x, y, w, h)
      context.save()
      context.beginPath()
      context.rect(x, y, w, h)
      context.clip()
      context.font = `${style.fontSize}px sans-serif`
      context.textBaseline = 'top'
      context.fillStyle = MARK_COLOURS.calloutText
      const lines = wrapText(mark.text, w - 2 * style.padding, (text) => context.measureText(text).width)
      lines.forEach((line, index) => {
        context.fillText(line, x + style.padding, y + style.padding + index * style.fontSize * 1.2)
      })
      context.restore()
    }
  }
  context.restore()
}
