/**
 * Builds the payload of a JPEG APP1 "Exif" segment: a little-endian TIFF structure with IFD0
 * (Make, Model, DateTime), the Exif IFD (DateTimeOriginal, OffsetTimeOriginal) and the GPS IFD
 * (latitude and longitude). Just enough for a phone photo, written by hand because no maintained
 * EXIF writer runs without Node or a DOM.
 */
export interface PhotoExif {
  make: string
  model: string
  /** Local time as EXIF writes it: "2026:03:08 18:55:02". */
  dateTimeOriginal: string
  /** Offset of that local time from UTC: "-05:00". */
  offsetTimeOriginal: string
  latitude: number
  longitude: number
}

const ASCII = 2
const SHORT = 3
const LONG = 4
const RATIONAL = 5
const BYTE = 1

interface Tag {
  id: number
  type: number
  count: number
  /** Value bytes (little-endian), inline when 4 or fewer. */
  bytes: number[]
}

const ascii = (id: number, text: string): Tag => {
  const bytes = [...text].map((char) => char.charCodeAt(0) & 0x7f)
  bytes.push(0)
  return { id, type: ASCII, count: bytes.length, bytes }
}
const u32 = (value: number) => [
  value & 0xff,
  (value >>> 8) & 0xff,
  (value >>> 16) & 0xff,
  (value >>> 24) & 0xff,
]
const long = (id: number, value: number): Tag => ({ id, type: LONG, count: 1, bytes: u32(value) })

/** Degrees → degrees, minutes, seconds as three rationals (seconds to 1/1000). */
function dms(id: number, degrees: number): Tag {
  const abs = Math.abs(degrees)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 1000)
  return {
    id,
    type: RATIONAL,
    count: 3,
    bytes: [...u32(d), ...u32(1), ...u32(m), ...u32(1), ...u32(s), ...u32(1000)],
  }
}

function ifdSize(tags: readonly Tag[]): number {
  const data = tags.reduce(
    (sum, tag) => sum + (tag.bytes.length > 4 ? tag.bytes.length + (tag.bytes.length % 2) : 0),
    0,
  )
  return 2 + tags.length * 12 + 4 + data
}

function writeIfd(out: number[], offset: number, tags: readonly Tag[]): void {
  const sorted = [...tags].sort((a, b) => a.id - b.id)
  let dataOffset = offset + 2 + sorted.length * 12 + 4
  const data: number[] = []
  out.push(sorted.length & 0xff, sorted.length >>> 8)
  for (const tag of sorted) {
    out.push(tag.id & 0xff, tag.id >>> 8, tag.type & 0xff, tag.type >>> 8, ...u32(tag.count))
    if (tag.bytes.length <= 4) {
      out.push(...tag.bytes, ...Array(4 - tag.bytes.length).fill(0))
    } else {
      out.push(...u32(dataOffset))
      const padded = tag.bytes.length % 2 ? [...tag.bytes, 0] : tag.bytes
      data.push(...padded)
      dataOffset += padded.length
    }
  }
  out.push(0, 0, 0, 0) // no next IFD
  out.push(...data)
}

export function buildExifSegment(exif: PhotoExif): Uint8Array {
  const exifTags = [ascii(0x9003, exif.dateTimeOriginal), ascii(0x9011, exif.offsetTimeOriginal)]
  const gpsTags: Tag[] = [
    { id: 0x0000, type: BYTE, count: 4, bytes: [2, 3, 0, 0] },
    ascii(0x0001, exif.latitude >= 0 ? 'N' : 'S'),
    dms(0x0002, exif.latitude),
    ascii(0x0003, exif.longitude >= 0 ? 'E' : 'W'),
    dms(0x0004, exif.longitude),
  ]
  const ifd0Base = [ascii(0x010f, exif.make), ascii(0x0110, exif.model), ascii(0x0132, exif.dateTimeOriginal)]
  // Orientation "top-left" so viewers do not rotate the photo.
  ifd0Base.push({ id: 0x0112, type: SHORT, count: 1, bytes: [1, 0] })
  const ifd0Size = ifdSize([...ifd0Base, long(0x8769, 0), long(0x8825, 0)])
  const exifOffset = 8 + ifd0Size
  const gpsOffset = exifOffset + ifdSize(exifTags)
  const ifd0 = [...ifd0Base, long(0x8769, exifOffset), long(0x8825, gpsOffset)]

  const tiff: number[] = [0x49, 0x49, 0x2a, 0x00, ...u32(8)]
  writeIfd(tiff, 8, ifd0)
  writeIfd(tiff, exifOffset, exifTags)
  writeIfd(tiff, gpsOffset, gpsTags)
  // "Exif\0\0" then the TIFF structure: jpeg-js writes this as the APP1 segment as is.
  return new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff])
}
