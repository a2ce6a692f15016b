import type { PageMark } from '@shared/domain'
import { arrowHeadPoints, MARK_COLOURS, markStyle } from '@shared/formats/evidence/annotation-geometry'

/**
 * Marks drawn as SVG in a picture's own pixels (width × height). Redactions are translucent here so
 * the analyst still sees what they cover; renderings for export burn them in solid.
 */
export function MarkShapes({ marks, width, height }: { marks: PageMark[]; width: number; height: number }) {
  const style = markStyle(width, height)
  return (
    <>
      {marks.map((mark) => {
        if (mark.kind === 'arrow') {
          const [x1, y1, x2, y2] = [mark.x1 * width, mark.y1 * height, mark.x2 * width, mark.y2 * height]
          const head = arrowHeadPoints(x1, y1, x2, y2, style.arrowHead)
          return (
            <g key={mark.id} data-mark={mark.kind}>
              <line
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                stroke={MARK_COLOURS.outline}
                strokeWidth={style.stroke}
              />
              <polygon points={head.map((point) => point.join(',')).join(' ')} fill={MARK_COLOURS.outline} />
            </g>
          )
        }
        const box = {
          x: mark.x * width,
          y: mark.y * height,
          width: mark.width * width,
          height: mark.height * height,
        }
        if (mark.kind === 'redaction')
          return (
            <rect
              key={mark.id}
              data-mark={mark.kind}
              {...box}
              fill={MARK_COLOURS.redaction}
              fillOpacity={0.6}
              stroke={MARK_COLOURS.redaction}
              strokeWidth={style.stroke}
              strokeDasharray={`${style.stroke * 3} ${style.stroke * 2}`}
            />
          )
        if (mark.kind === 'rectangle')
          return (
            <rect
              key={mark.id}
              data-mark={mark.kind}
              {...box}
              fill="none"
              stroke={MARK_COLOURS.outline}
              strokeWidth={style.stroke}
            />
          )
        return (
          <g key={mark.id} data-mark={mark.kind}>
            <rect
              {...box}
              fill={MARK_COLOURS.calloutFill}
              stroke={MARK_COLOURS.outline}
              strokeWidth={style.stroke}
            />
            <foreignObject {...box}>
              {/* Text as text: the callout's words are never parsed as markup. */}
              <div
                style={{
                  padding: style.padding,
                  fontSize: style.fontSize,
                  lineHeight: 1.2,
                  fontFamily: 'sans-serif',
                  color: MARK_COLOURS.calloutText,
                  overflowWrap: 'anywhere',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {mark.text}
              </div>
            </foreignObject>
          </g>
        )
      })}
    </>
  )
}
