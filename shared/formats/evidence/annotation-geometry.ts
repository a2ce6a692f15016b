/**
 * The geometry of marks on evidence, shared by the viewer's overlay (SVG), the burned-in renderings
 * (canvas) and their tests. Positions are fractions of the unrotated original (0..1).
 */

export interface FractionPoint {
  x: number
  y: number
}

export interface FractionBox {
  x: number
  y: number
  width: number
  height: number
}

/** How the image viewer shows the original: its centre on screen, zoom, quarter turns and size. */
export interface ImagePlacement {
  centerX: number
  centerY: number
  scale: number
  /** Degrees clockwise, as CSS rotate(). */
  rotation: number
  width: number
  height: number
}

const clamp = (value: number) => Math.min(1, Math.max(0, value))

/** The point of the original under the pointer, undoing pan, zoom and rotation (clamped to the edges). */
export function screenToFraction(clientX: number, clientY: number, placement: ImagePlacement): FractionPoint {
  const angle = (placement.rotation * Math.PI) / 180
  const dx = clientX - placement.centerX
  const dy = clientY - placement.centerY
  // CSS rotates clockwise on screen (y points down); undo it with the inverse rotation.
  const unrotatedX = dx * Math.cos(angle) + dy * Math.sin(angle)
  const unrotatedY = -dx * Math.sin(angle) + dy * Math.cos(angle)
  return {
    x: clamp(unrotatedX / placement.scale / placement.width + 0.5),
    y: clamp(unrotatedY / placement.scale / placement.height + 0.5),
  }
}

/** The box two corners span, whichever way the analyst dragged. */
export function boxBetween(start: FractionPoint, end: FractionPoint): FractionBox {
  return {
    x: Math.min(start.x, end.x),
    y: Math.min(start.y, end.y),
    width: Math.abs(end.x - start.x),
    height: Math.abs(end.y - start.y),
  }
}

/** Drags shorter than this (a click, a twitch) draw nothing. */
export const MIN_MARK_FRACTION = 0.005

export function isTooSmall(start: FractionPoint, end: FractionPoint): boolean {
  return Math.hypot(end.x - start.x, end.y - start.y) < MIN_MARK_FRACTION
}

/** Line width, text size and arrow head in pixels of a picture of this size: marks scale with it. */
export function markStyle(width: number, height: number) {
  const base = Math.min(width, height)
  return {
    stroke: Math.max(2, base * 0.005),
    fontSize: Math.max(12, base * 0.03),
    padding: Math.max(4, base * 0.008),
    arrowHead: Math.max(10, base * 0.03),
  }
}

export const MARK_COLOURS = {
  outline: '#d32f2f',
  calloutFill: '#fffde7',
  calloutText: '#212121',
  redaction: '#000000',
} as const

/** The three corners of an arrow's head at (x2, y2), in pixels. */
export function arrowHeadPoints(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  size: number,
): Array<[number, number]> {
  const angle = Math.atan2(y2 - y1, x2 - x1)
  const spread = Math.PI / 7
  return [
    [x2, y2],
    [x2 - size * Math.cos(angle - spread), y2 - size * Math.sin(angle - spread)],
    [x2 - size * Math.cos(angle + spread), y2 - size * Math.sin(angle + spread)],
  ]
}

/** Breaks callout text into lines no wider than `maxWidth`, measuring with the caller's font. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (line && measure(candidate) > maxWidth) {
        lines.push(line)
        line = word
      } else line = candidate
    }
    lines.push(line)
  }
  return lines
}
