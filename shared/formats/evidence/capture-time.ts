/**
 * When a photo was taken, as its camera recorded it. EXIF keeps the camera's wall clock
 * ("2026:11:03 18:42:17") and, from newer cameras and phones, the UTC offset it was set to
 * ("-05:00"). With the offset the moment is known; without it the zone is unknown, and no zone is
 * invented for it (not this computer's, not the incident's).
 */
export interface CaptureTime {
  /** The camera's clock as it read, without a zone: "2026-11-03T18:42:17". */
  recorded: string
  /** The UTC offset recorded with it ("-05:00"), or null when the camera wrote none. */
  offset: string | null
  /** The moment (ISO, UTC), only when the offset is known. */
  instant: string | null
}

const EXIF_DATE_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/
const UTC_OFFSET = /^([+-])(\d{2}):?(\d{2})$/

/** The wall-clock reading, if it names a real date and time. */
function wallClock(text: string): string | null {
  const match = EXIF_DATE_TIME.exec(text.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const real =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  // "0000:00:00 00:00:00" is what cameras write when the clock was never set.
  return real && year >= 1970 ? probe.toISOString().slice(0, 19) : null
}

/** Offset in minutes east of UTC, "+hh:mm" normalised, or null when not a real offset. */
function parseOffset(value: unknown): { minutes: number; text: string } | null {
  const match = typeof value === 'string' ? UTC_OFFSET.exec(value.trim()) : null
  if (!match) return null
  const hours = Number(match[2])
  const minutes = Number(match[3])
  if (hours > 14 || minutes > 59) return null
  return {
    minutes: (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes),
    text: `${match[1]}${match[2]}:${match[3]}`,
  }
}

/**
 * The capture time from raw EXIF values: DateTimeOriginal (or CreateDate) as the camera wrote it and
 * OffsetTimeOriginal (or OffsetTime). Null when there is no readable time.
 */
export function captureTimeFromExif(dateTime: unknown, offset: unknown): CaptureTime | null {
  const recorded = typeof dateTime === 'string' ? wallClock(dateTime) : null
  if (!recorded) return null
  const zone = parseOffset(offset)
  return {
    recorded,
    offset: zone?.text ?? null,
    instant: zone ? new Date(Date.parse(`${recorded}Z`) - zone.minutes * 60_000).toISOString() : null,
  }
}

/**
 * What the camera recorded, with its offset: "2026-11-03 18:42:17 UTC−05:00", or
 * "2026-11-03 18:42:17 (time zone unknown)". The minus is U+2212, as time zones are written.
 */
export function formatRecordedCaptureTime(time: CaptureTime): string {
  const wall = time.recorded.replace('T', ' ')
  if (!time.offset) return `${wall} (time zone unknown)`
  const offset = time.offset === '+00:00' || time.offset === '-00:00' ? '' : time.offset.replace('-', '−')
  return `${wall} UTC${offset}`
}
