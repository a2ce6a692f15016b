import { isUnshowableChar } from './untrusted-text'

/**
 * Characters that must never appear in a file name we write: the unshowable ones (controls, bidi
 * overrides: see untrusted-text.ts), path separators, and those Windows refuses (a bundle made here is
 * unpacked there too). Names are shown with `showUntrusted`; this is for names saved to disk.
 */
function isUnsafeFileNameChar(char: string): boolean {
  return char === '/' || char === '\\' || '<>:"|?*'.includes(char) || isUnshowableChar(char)
}

export function isSafeFileName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && ![...name].some(isUnsafeFileNameChar)
}

/** Replaces unsafe characters with "_" so a name from outside can be saved as a file without surprises. */
export function toSafeFileName(name: string, fallback = 'file'): string {
  const cleaned = [...name]
    .map((char) => (isUnsafeFileNameChar(char) ? '_' : char))
    .join('')
    .trim()
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned.slice(0, 255)
}
