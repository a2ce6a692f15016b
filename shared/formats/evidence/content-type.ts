import { isChatCsvHeader } from './chat-transcript'

/**
 * The type of an evidence file from its bytes. Binary formats are recognised by their signature
 * (the caller passes what file-type found); text formats have none, so the first bytes are read as
 * text and classified by their shape. The file name is never consulted.
 */
export function detectContentType(head: Uint8Array, signatureType: string | undefined): string {
  if (signatureType) return signatureType
  if (head.length === 0) return 'application/x-empty'
  if (head.includes(0)) return 'application/octet-stream'
  // The head may end inside a multi-byte character: drop up to three trailing bytes before deciding.
  const text = decodeUtf8(trimPartialCharacter(head))
  if (text === null) return 'application/octet-stream'
  const start = text.replace(/^\uFEFF/, '').trimStart()
  const lower = start.slice(0, 200).toLowerCase()
  if (lower.startsWith('<svg') || (lower.startsWith('<?xml') && lower.includes('<svg')))
    return 'image/svg+xml'
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'text/html'
  // JSON opens an object with a key or a list with a value; "[18:02] Dana: hi" is a chat log.
  if (
    /^\{\s*["}]/.test(start) ||
    /^\[\s*(?:[{["\]]|-?\d+(?:\.\d+)?\s*[,\]]|true\b|false\b|null\b)/.test(start)
  )
    return 'application/json'
  if (
    /^(received|from|return-path|message-id|mime-version|date|subject|to|delivered-to):/im.test(
      start.slice(0, 1000),
    )
  )
    return looksLikeEmail(start) ? 'message/rfc822' : 'text/plain'
  if (looksLikeCsv(start)) return 'text/csv'
  return 'text/plain'
}

/**
 * Strict UTF-8 decoding (null on any invalid sequence). Written out because the domain compiles
 * without DOM or Node types, where TextDecoder is not declared.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let text = ''
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0
    if (length === 0 || index + length > bytes.length) return null
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1))
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]!
      if ((byte & 0xc0) !== 0x80) return null
      codePoint = (codePoint << 6) | (byte & 0x3f)
    }
    const shortest = [0, 0, 0x80, 0x800, 0x10000][length]!
    if (codePoint < shortest || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return null
    text += String.fromCodePoint(codePoint)
    index += length
  }
  return text
}

function trimPartialCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, bytes.length - back) // a lead byte cut short
    if ((byte & 0xc0) !== 0x80) return bytes
  }
  return bytes
}

/** Mail headers: several "Name: value" lines before the first blank line, From or Received among them. */
function looksLikeEmail(text: string): boolean {
  const headers = text.split(/\r?\n\r?\n/, 1)[0]!.split(/\r?\n/)
  const named = headers
    .filter((line) => /^[A-Za-z-]+: /.test(line))
    .map((line) => line.split(':')[0]!.toLowerCase())
  return named.length >= 3 && (named.includes('from') || named.includes('received'))
}

/**
 * A CSV: a header row whose names are a chat export's (sender and message columns, in any order),
 * or at least two rows with the same number (≥ 2) of fields. Fields are counted the RFC 4180 way,
 * so a quoted comma or line break inside a message does not break the count.
 */
function looksLikeCsv(text: string): boolean {
  const rows = csvRows(text, 5)
  if (rows.length === 0) return false
  if (isChatCsvHeader(rows[0]!)) return true
  if (rows.length < 2) return false
  // The last row read may be cut off by the end of the head.
  const complete = rows.length > 2 ? rows.slice(0, -1) : rows
  return complete[0]!.length >= 2 && complete.every((row) => row.length === complete[0]!.length)
}

/** The first rows of CSV text, quotes honoured, blank lines skipped (no library: the head is small). */
function csvRows(text: string, limit: number): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length && rows.length < limit; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field)
      if (row.length > 1 || row[0]!.trim() !== '') rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (rows.length < limit && (field !== '' || row.length)) rows.push([...row, field])
  return rows
}

/** How many leading bytes are enough to tell a file's type. */
export const CONTENT_TYPE_HEAD_BYTES = 4_100

/** Types the image viewer shows as a picture (SVG is shown as its text: it can carry scripts). */
export function isViewableImage(detectedType: string): boolean {
  return detectedType.startsWith('image/') && detectedType !== 'image/svg+xml'
}
