/**
 * Where a printed line may break. Words break only between words: a cell reads "Customer", never
 * "Custome r". Only long tokens (hashes, emails, web addresses, ids) get break opportunities, at
 * points where a reader expects a break: after @ . / _ - : ? = & and between groups of 16 hex digits
 * of a hash. A long run of letters with no such point gets soft hyphens (a hyphen shows only where the
 * line breaks); any other long run (mixed letters and digits) a plain break every 16 characters.
 */

/** Tokens up to this long are words: never given a break inside. */
const WORD_LENGTH = 18
/** The longest piece of a long token left without a break opportunity. */
const PIECE_LENGTH = 16
const HEX_RUN = new RegExp(`^[0-9a-fA-F]{${2 * PIECE_LENGTH},}$`)
const LETTERS = /^\p{L}+$/u

export const BREAK = '<wbr>'
export const SOFT_HYPHEN = '&shy;'

/** A token's pieces as HTML, each escaped by `toHtml`, joined with break opportunities. */
function breakToken(token: string, toHtml: (text: string) => string): string {
  const chars = [...token]
  if (chars.length <= WORD_LENGTH) return toHtml(token)
  // After punctuation that separates the parts of an address or an id.
  const parts = token.split(/(?<=[@./_\-:?=&])/)
  return parts
    .map((part) => {
      const partChars = [...part]
      if (partChars.length <= PIECE_LENGTH) return toHtml(part)
      const pieces: string[] = []
      for (let start = 0; start < partChars.length; start += PIECE_LENGTH)
        pieces.push(toHtml(partChars.slice(start, start + PIECE_LENGTH).join('')))
      // A hash reads in groups; a long word gets hyphens; anything else breaks plainly.
      const joiner = HEX_RUN.test(part) ? BREAK : LETTERS.test(part) ? SOFT_HYPHEN : BREAK
      return pieces.join(joiner)
    })
    .join(BREAK)
}

/**
 * Text as HTML for a printed table cell or paragraph: escaped by `toHtml`, with break opportunities
 * in long tokens only (whitespace, line breaks included, is kept as it is).
 */
export function breakableHtml(text: string, toHtml: (text: string) => string): string {
  return text
    .split(/(\s+)/)
    .map((token, index) => (index % 2 === 1 ? token : breakToken(token, toHtml)))
    .join('')
}
