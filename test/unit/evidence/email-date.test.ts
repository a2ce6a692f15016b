import { parseEmail } from '@media/email'
import { formatDateTime, formatWrittenDateTime } from '@ui/format/time'
import { describe, expect, it } from 'vitest'

const eml = (date: string) =>
  new Blob(
    [
      [
        'From: "Dana Okafor" <dana@example.com>',
        'To: support@example.com',
        'Subject: Photos of the door',
        `Date: ${date}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The shopper scratched the door.',
        '',
      ].join('\r\n'),
    ],
    { type: 'message/rfc822' },
  )

describe('an email’s date', () => {
  it('is shown like every other time in the app, not as UTC text', async () => {
    const email = await parseEmail(eml('Tue, 24 Nov 2026 10:15:00 -0500'))
    const shown = formatWrittenDateTime(email.date)
    expect(shown).toBe(formatDateTime('2026-11-24T15:15:00.000Z'))
    expect(shown).not.toMatch(/T\d\d:|Z$|-0500/)
  })

  it('is shown as written when it names no instant, and as a dash when there is none', async () => {
    const email = await parseEmail(eml('sometime last week'))
    expect(formatWrittenDateTime(email.date)).toBe('sometime last week')
    expect(formatWrittenDateTime(undefined)).toBe('—')
  })
})
