// Image files made by the tests themselves: a real JPEG (the demo photo), PNGs built chunk by chunk
// with fflate, and the containers of WebP and HEIC.

import { demoPhoto } from '@shared/demo/photo'
import { SeededRandom } from '@shared/demo/random'
import { zlibSync } from 'fflate'

/** A 64 × 48 phone photo as the demo data makes it (baseline JPEG, 8 × 8 MCUs, EXIF). */
export const demoJpeg = () =>
  demoPhoto(new SeededRandom(7), {
    make: 'Google',
    model: 'Pixel 8',
    dateTimeOriginal: '2026:11:03 18:42:17',
    offsetTimeOriginal: '-05:00',
    latitude: 30.2672,
    longitude: -97.7431,
  })

export function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  for (let index = 0; index < 4; index++) chunk[4 + index] = type.charCodeAt(index)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

/** The rows of an RGB picture as a PNG stores them: each with its filter byte (0, none). */
export function pngRows(width: number, height: number): Uint8Array {
  const rowBytes = 1 + width * 3
  const raw = new Uint8Array(height * rowBytes)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width * 3; x++) raw[y * rowBytes + 1 + x] = (x * 31 + y * 17 + ((x * y) % 13)) & 0xff
  return raw
}

/** An 8-bit RGB PNG of `width` × `height`, its compressed rows split over two IDAT chunks. */
export function pngOf(width: number, height: number, rows = pngRows(width, height)): Uint8Array {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header[8] = 8
  header[9] = 2
  const data = zlibSync(rows, { level: 6 })
  const half = data.length >> 1
  return concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', data.subarray(0, half)),
    pngChunk('IDAT', data.subarray(half)),
    pngChunk('IEND', new Uint8Array(0)),
  )
}

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

/** A WebP container: RIFF, its size, WEBP, then one VP8L chunk of `payload` bytes. */
export function webpOf(payload: number): Uint8Array {
  const chunk = concat(ascii('VP8L'), new Uint8Array(4), new Uint8Array(payload).fill(0x2f))
  new DataView(chunk.buffer).setUint32(4, payload, true)
  const file = concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBP'), chunk)
  new DataView(file.buffer).setUint32(4, file.length - 8, true)
  return file
}

function box(type: string, body: Uint8Array): Uint8Array {
  const bytes = concat(new Uint8Array(4), ascii(type), body)
  new DataView(bytes.buffer).setUint32(0, bytes.length)
  return bytes
}

/** A HEIC file's boxes: ftyp, meta (the index), mdat (the picture data). */
export function heicOf(pictureBytes: number, withMeta = true): Uint8Array {
  return concat(
    box('ftyp', concat(ascii('heic'), new Uint8Array(4), ascii('mif1heic'))),
    ...(withMeta ? [box('meta', new Uint8Array(40))] : []),
    box('mdat', new Uint8Array(pictureBytes).fill(0x55)),
  )
}
