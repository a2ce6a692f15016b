import { captureTimeFromExif, formatRecordedCaptureTime } from '@shared/formats/evidence/capture-time'
import { describe, expect, it } from 'vitest'

describe('photo capture times', () => {
  it('keeps what the camera recorded and, with its offset, the moment', () => {
    const captured = captureTimeFromExif('2026:11:03 18:42:17', '-05:00')
    expect(captured).toEqual({
      recorded: '2026-11-03T18:42:17',
      offset: '-05:00',
      instant: '2026-11-03T23:42:17.000Z',
    })
    expect(formatRecordedCaptureTime(captured!)).toBe('2026-11-03 18:42:17 UTC−05:00')
    expect(captureTimeFromExif('2026:03:08 05:40:00', '+05:30')?.instant).toBe('2026-03-08T00:10:00.000Z')
    expect(formatRecordedCaptureTime(captureTimeFromExif('2026:03:08 05:40:00', '+00:00')!)).toBe(
      '2026-03-08 05:40:00 UTC',
    )
  })

  it('invents no zone when the camera recorded none, or an offset that is not one', () => {
    for (const offset of [undefined, '', 'EST', '+25:00', '-05:75']) {
      const captured = captureTimeFromExif('2026:11:03 18:42:17', offset)
      expect(captured, String(offset)).toEqual({
        recorded: '2026-11-03T18:42:17',
        offset: null,
        instant: null,
      })
      expect(formatRecordedCaptureTime(captured!)).toBe('2026-11-03 18:42:17 (time zone unknown)')
    }
  })

  it('reads no time from an unset camera clock or a date that does not exist', () => {
    for (const text of ['0000:00:00 00:00:00', '2026:02:30 10:00:00', '2026:11:03 24:10:00', 'yesterday', 42])
      expect(captureTimeFromExif(text, '-05:00'), String(text)).toBeNull()
  })
})
