/**
 * Characters that must never appear in a file name we write or show: path separators, NUL/control
 * and bidi overrides, and those Windows refuses (a bundle made here is unpacked there too).
 */
function isUnsafeFileNameChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    char === '/' ||
    char === '\\' ||
    '<>:"|?*'.includes(char) ||
    code < 0x20 ||
    code === 0x7f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

export function isSafeFileName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && ![...name].some(isUnsafeFileNameChar)
}

/** Replaces unsafe characters with "_" so a name from outside can be shown and saved without surprises. */
export function toSafeFileName(name: string, fallback = 'file'): string {
  const cleaned = [...name]
    .map((char) => (isUnsafeFileNameChar(char) ? '_' : char))
    .join('')
    .trim()
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned.slice(0, 255)
}
