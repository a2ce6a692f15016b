import type { EvidenceDamage } from '../../domain'
import { count } from './image-damage'

/**
 * The containers of WebP (RIFF) and HEIC/HEIF/AVIF (ISO base media boxes) declare the size of what
 * they hold, so a file cut part-way is known from its structure alone, before any decoder runs (and
 * HEIC, which Chromium cannot decode, is still checked). Rows are not counted: their picture data is
 * coded in ways only a decoder unpacks.
 */

const fourCc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
const u32be = (bytes: Uint8Array, at: number) =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
const u32le = (bytes: Uint8Array, at: number) =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0

/** A WebP file: "RIFF", the size of the rest, "WEBP", then chunks (VP8, VP8L or VP8X and its parts). */
export function readWebpStructure(bytes: Uint8Array): EvidenceDamage | null {
  if (bytes.length < 12 || fourCc(bytes, 0) !== 'RIFF' || fourCc(bytes, 8) !== 'WEBP')
    return { kind: 'damaged', detail: 'it does not begin with a WebP (RIFF) header' }
  const declared = u32le(bytes, 4) + 8
  if (bytes.length < declared)
    return {
      kind: 'incomplete',
      detail: `the file ends after ${count(bytes.length)} of the ${count(declared)} bytes its header declares`,
    }
  let picture = false
  for (let at = 12; at < declared; ) {
    if (at + 8 > declared) return { kind: 'damaged', detail: `its chunk at byte ${count(at)} cannot be read` }
    const type = fourCc(bytes, at)
    const size = u32le(bytes, at + 4)
    if (at + 8 + size > declared)
      return { kind: 'damaged', detail: `its ${type.trim()} chunk runs past the end its header declares` }
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') picture = true
    at += 8 + size + (size % 2)
  }
  return picture ? null : { kind: 'damaged', detail: 'it holds no picture data (no VP8 or VP8L chunk)' }
}

/** HEIC, HEIF and AVIF: a sequence of boxes, each with its size; 'meta' indexes the pictures. */
export function readIsoBoxStructure(bytes: Uint8Array): EvidenceDamage | null {
  const boxes: string[] = []
  for (let at = 0; at < bytes.length; ) {
    if (at + 8 > bytes.length)
      return { kind: 'incomplete', detail: `the file ends inside a box header, after ${count(at)} bytes` }
    let size = u32be(bytes, at)
    const type = fourCc(bytes, at + 4)
    let header = 8
    if (size === 1) {
      if (at + 16 > bytes.length)
        return { kind: 'incomplete', detail: `the file ends inside the header of its '${type}' box` }
      size = u32be(bytes, at + 8) * 2 ** 32 + u32be(bytes, at + 12)
      header = 16
    } else if (size === 0) size = bytes.length - at
    if (size < header)
      return { kind: 'damaged', detail: `its '${type}' box at byte ${count(at)} has an impossible size` }
    if (at + size > bytes.length)
      return {
        kind: 'incomplete',
        detail: `the file ends inside its '${type}' box: ${count(bytes.length - at)} of its ${count(size)} bytes are present`,
      }
    boxes.push(type)
    at += size
  }
  if (boxes[0] !== 'ftyp') return { kind: 'damaged', detail: "it does not begin with an 'ftyp' box" }
  if (!boxes.includes('meta'))
    return { kind: 'incomplete', detail: "it has no 'meta' box (the index of its pictures)" }
  return null
}
