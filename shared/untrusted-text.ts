/**
 * Text that came from outside (file and attachment names, email subjects and senders, chat senders,
 * party and case fields from imports, synced or bundled records) can carry characters that make a
 * line lie about itself: U+202E turns `photo\u202Egpj.exe` into what reads as "photoexe.jpg", and a
 * control character can break a line or a CSV row. Everything such text is shown in or printed to
 * goes through `showUntrusted` (one line) or `showUntrustedLines` (a text with line breaks): each
 * such character becomes "_", so the reader sees that something was there and the line reads in the
 * order it is stored. The stored value is never changed: the original stays in the records.
 *
 * Kept: zero-width joiners and non-joiners (emoji sequences, Indic and Persian names need them) and
 * every letter of every script; right-to-left names still read right to left by themselves.
 */

/** A character that reorders the text around it, or a control (C0, DEL, C1, line/paragraph separators). */
export function isUnshowableChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    // Arabic letter mark, left-to-right and right-to-left marks.
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    // Line and paragraph separators.
    code === 0x2028 ||
    code === 0x2029 ||
    // Embeddings, pop, overrides.
    (code >= 0x202a && code <= 0x202e) ||
    // Isolates.
    (code >= 0x2066 && code <= 0x2069)
  )
}

/** Every unshowable character (the same set as `isUnshowableChar`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is what this module is for
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu
/** Those JSON.stringify writes as they are (it escapes the C0 controls itself). */
const UNSHOWABLE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu

export const REPLACEMENT = '_'

function cut(text: string, maxLength: number | undefined): string {
  if (maxLength === undefined) return text
  const chars = [...text]
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : text
}

/**
 * One line of untrusted text as shown or printed: every unshowable character (line breaks and tabs
 * too) replaced by "_", and cut to `maxLength` characters (whole characters, "…" at the end) if given.
 */
export function showUntrusted(text: string, maxLength?: number): string {
  return cut(text.replace(UNSHOWABLE, REPLACEMENT), maxLength)
}

/**
 * A longer untrusted text (a detail, a custody note that quotes a name) as shown: line breaks and
 * tabs are kept (a CR LF as one break), every other unshowable character replaced by "_".
 */
export function showUntrustedLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNSHOWABLE, (char) => (char === '\n' || char === '\t' ? char : REPLACEMENT))
}

/** Whether the text holds any character `showUntrusted` would replace. */
export function hasUnshowable(text: string): boolean {
  return new RegExp(UNSHOWABLE.source, 'u').test(text)
}

/**
 * JSON text with every unshowable character written as a \u escape. JSON.stringify escapes C0
 * controls but writes U+202E and its kind as they are, so a file opened in an editor would show a
 * reversed line; escaped, it reads safely and still parses to the exact original string. Safe on
 * JSON.stringify's output: these characters can only stand inside its strings.
 */
export function escapeUnshowableInJson(json: string): string {
  return json.replace(UNSHOWABLE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
