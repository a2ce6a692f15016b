import { titleWords } from '@shared/domain'
import { describe, expect, it } from 'vitest'

describe('title words', () => {
  it('lower-cases, splits on punctuation and keeps each word once', () => {
    expect(titleWords('Parking-lot collision at Northgate #757 — parking')).toEqual([
      'parking',
      'lot',
      'collision',
      'at',
      'northgate',
      '757',
    ])
  })

  it('keeps accented letters as part of words', () => {
    expect(titleWords('Livraison endommagée à Montréal')).toEqual([
      'livraison',
      'endommagée',
      'à',
      'montréal',
    ])
  })
})
