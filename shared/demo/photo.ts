import { encode } from 'jpeg-js'
import { buildExifSegment, type PhotoExif } from './exif'
import { SeededRandom } from './random'

const WIDTH = 64
const HEIGHT = 48
const SCENES = 24

/** A seeded gradient with a few shapes: a small, plausible-looking stand-in for a phone photo. */
function encodeScene(random: SeededRandom): Uint8Array {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 4)
  const base = [random.int(40, 200), random.int(40, 200), random.int(40, 200)]
  const shapes = Array.from({ length: 3 }, () => ({
    x: random.int(0, WIDTH),
    y: random.int(0, HEIGHT),
    r: random.int(5, 16),
    colour: [random.int(0, 255), random.int(0, 255), random.int(0, 255)],
  }))
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 4
      const shape = shapes.find((s) => (x - s.x) ** 2 + (y - s.y) ** 2 < s.r ** 2)
      const colour = shape?.colour ?? base.map((channel) => channel + (x + y) * 0.6)
      pixels[at] = colour[0]!
      pixels[at + 1] = colour[1]!
      pixels[at + 2] = colour[2]!
      pixels[at + 3] = 255
    }
  }
  return new Uint8Array(encode({ data: pixels, width: WIDTH, height: HEIGHT } as never, 70).data)
}

// jpeg-js builds its tables anew for every encode (~3 ms), so scenes are encoded once and each photo
// gets its own EXIF segment spliced in after the start-of-image marker.
let scenes: Uint8Array[] | null = null

/**
 * A small JPEG carrying the EXIF a phone writes (device, capture time, GPS). The EXIF makes every
 * photo's bytes, and so its SHA-256, unique.
 */
export function demoPhoto(random: SeededRandom, exif: PhotoExif): Uint8Array {
  scenes ??= Array.from({ length: SCENES }, (_, index) => encodeScene(new SeededRandom(0x5eed + index)))
  const scene = scenes[random.int(0, SCENES - 1)]!
  const exifPayload = buildExifSegment(exif)
  const segmentLength = exifPayload.byteLength + 2
  const photo = new Uint8Array(scene.byteLength + 2 + segmentLength)
  photo.set([0xff, 0xd8, 0xff, 0xe1, segmentLength >> 8, segmentLength & 0xff])
  photo.set(exifPayload, 6)
  photo.set(scene.subarray(2), 6 + exifPayload.byteLength)
  return photo
}

export const PHONE_MODELS: ReadonlyArray<readonly [string, string]> = [
  ['Apple', 'iPhone 15'],
  ['Apple', 'iPhone 13 mini'],
  ['Google', 'Pixel 8'],
  ['samsung', 'SM-S918U'],
  ['motorola', 'moto g stylus 5G'],
]
