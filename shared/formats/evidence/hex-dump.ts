/** One line of a hex view: offset, 16 bytes in hex, and their printable ASCII (others as "."). */
export interface HexLine {
  offset: string
  hex: string
  ascii: string
}

/** The classic hex view of the first bytes of a file that has no other preview. */
export function hexDump(bytes: Uint8Array, width = 16): HexLine[] {
  const lines: HexLine[] = []
  for (let start = 0; start < bytes.length; start += width) {
    const row = bytes.subarray(start, start + width)
    lines.push({
      offset: start.toString(16).padStart(8, '0'),
      hex: [...row].map((byte) => byte.toString(16).padStart(2, '0')).join(' '),
      ascii: [...row].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join(''),
    })
  }
  return lines
}
