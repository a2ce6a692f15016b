import {
  arrowHeadPoints,
  boxBetween,
  isTooSmall,
  screenToFraction,
  wrapText,
} from '@shared/formats/evidence/annotation-geometry'
import { describe, expect, it } from 'vitest'

const placement = { centerX: 500, centerY: 300, scale: 2, rotation: 0, width: 400, height: 200 }

describe('screenToFraction', () => {
  it('maps the screen point under the pointer back to the original, through zoom and pan', () => {
    expect(screenToFraction(500, 300, placement)).toEqual({ x: 0.5, y: 0.5 })
    // Top-left corner of a 400×200 image at 200% centred on (500, 300).
    expect(screenToFraction(100, 100, placement)).toEqual({ x: 0, y: 0 })
    expect(screenToFraction(700, 300, placement)).toEqual({ x: 0.75, y: 0.5 })
  })

  it('undoes a quarter turn: the top-left corner turned right sits at the top right', () => {
    const turned = { ...placement, rotation: 90 }
    // Turned clockwise, the original's top-left corner is on screen at centre + (height, -width) · scale / 2.
    const point = screenToFraction(500 + 200, 300 - 400, turned)
    expect(point.x).toBeCloseTo(0)
    expect(point.y).toBeCloseTo(0)
    const half = screenToFraction(500, 300 + 200, turned)
    expect(half.x).toBeCloseTo(0.75)
    expect(half.y).toBeCloseTo(0.5)
  })

  it('clamps points off the picture to its edges', () => {
    expect(screenToFraction(-5000, 5000, placement)).toEqual({ x: 0, y: 1 })
  })
})

describe('mark shapes', () => {
  it('spans a box whichever way the analyst dragged, and ignores clicks', () => {
    expect(boxBetween({ x: 0.6, y: 0.4 }, { x: 0.2, y: 0.1 })).toEqual({
      x: 0.2,
      y: 0.1,
      width: expect.closeTo(0.4),
      height: expect.closeTo(0.3),
    })
    expect(isTooSmall({ x: 0.5, y: 0.5 }, { x: 0.501, y: 0.5 })).toBe(true)
    expect(isTooSmall({ x: 0.5, y: 0.5 }, { x: 0.6, y: 0.5 })).toBe(false)
  })

  it('points the arrow head back along the shaft', () => {
    const [tip, left, right] = arrowHeadPoints(0, 0, 100, 0, 10)
    expect(tip).toEqual([100, 0])
    expect(left![0]).toBeLessThan(100)
    expect(right![0]).toBeLessThan(100)
    expect(left![1]).toBeCloseTo(-right![1])
  })

  it('wraps callout text at word boundaries, keeping line breaks', () => {
    const measure = (text: string) => text.length * 10
    expect(wrapText('Crack along the top step\nsee E-2', 100, measure)).toEqual([
      'Crack',
      'along the',
      'top step',
      'see E-2',
    ])
  })
})
