import {
  parseChatCsv,
  parseChatJson,
  parseChatText,
  parseTranscript,
  searchTranscript,
} from '@shared/formats/evidence/chat-transcript'
import { detectContentType } from '@shared/formats/evidence/content-type'
import { describe, expect, it } from 'vitest'

describe('chat transcripts', () => {
  it('reads CSV with quoted commas, quotes and line breaks', () => {
    const csv =
      'timestamp,sender,message\n2026-03-08T05:40:00Z,Dana (customer),"Hi, please ""knock"" twice\nthanks"\n'
    expect(parseChatCsv(csv)).toEqual({
      ok: true,
      lines: [
        {
          at: '2026-03-08T05:40:00Z',
          sender: 'Dana (customer)',
          message: 'Hi, please "knock" twice\nthanks',
        },
      ],
    })
  })

  it('keeps markup as text: a message is never HTML', () => {
    const result = parseChatCsv('sender,message\nLuis,<img src=x onerror=alert(1)>\n')
    expect(result.ok && result.lines[0]?.message).toBe('<img src=x onerror=alert(1)>')
  })

  it('says why a CSV without sender and message columns cannot be shown as a chat', () => {
    expect(parseChatCsv('a,b\n1,2')).toEqual({
      ok: false,
      error: expect.stringMatching(/no "sender" and "message" columns/),
    })
  })

  it('reads JSON message arrays and refuses anything else', () => {
    expect(parseChatJson('[{"timestamp":"t","sender":"S","message":"m"}]')).toEqual({
      ok: true,
      lines: [{ at: 't', sender: 'S', message: 'm' }],
    })
    expect(parseChatJson('{"a":1}').ok).toBe(false)
    expect(parseChatJson('[1]').ok).toBe(false)
    expect(parseChatJson('[{"sender"').ok).toBe(false)
  })
})

describe('plain-text chat logs', () => {
  it('reads "time sender: message" lines, joining continuation lines', () => {
    const log = [
      '[2026-03-08 05:40] Dana (customer): Hi, the bag is torn',
      'and the eggs are broken',
      '05:41 - Luis (shopper): Sorry! I will report it',
      '',
    ].join('\n')
    expect(parseChatText(log)).toEqual({
      ok: true,
      lines: [
        {
          at: '2026-03-08 05:40',
          sender: 'Dana (customer)',
          message: 'Hi, the bag is torn\nand the eggs are broken',
        },
        { at: '05:41', sender: 'Luis (shopper)', message: 'Sorry! I will report it' },
      ],
    })
  })

  it('leaves prose that is not a chat as plain text', () => {
    const statement = 'I arrived at 5:40.\nThe porch light was off.\nNote: the gate was open.\nNothing else.'
    expect(parseChatText(statement).ok).toBe(false)
    expect(parseTranscript('text/plain', statement)?.ok).toBe(false)
    expect(parseTranscript('image/png', statement)).toBeNull()
  })
})

describe('searching a transcript', () => {
  const lines = [
    { at: null, sender: 'Dana (customer)', message: 'The mailbox is dented' },
    { at: null, sender: 'Luis (shopper)', message: 'I did not touch the MAILBOX' },
    { at: null, sender: 'Luis (shopper)', message: 'Left at the door' },
  ]
  it('finds messages holding every word, in any case, including the sender', () => {
    expect(searchTranscript(lines, 'mailbox')).toEqual([0, 1])
    expect(searchTranscript(lines, 'luis mailbox')).toEqual([1])
    expect(searchTranscript(lines, 'garage')).toEqual([])
  })
})

describe('chat exports as support and chat tools write them', () => {
  const expected = [
    {
      at: '2026-11-03 18:42:17',
      sender: 'Dana (customer)',
      message: 'Where is my order, the app says "delivered"?',
    },
    {
      at: '2026-11-03 18:44:02',
      sender: 'Luis (shopper)',
      message: 'I left it at the side door,\nby the bins',
    },
  ]

  it('reads any order and naming of time, sender and message columns, with a BOM and quoted commas and line breaks', () => {
    const exports = [
      'timestamp,sender,message',
      '\uFEFFtimestamp,sender,message',
      'Message,From,Sent At',
      'author,body,date',
      'User,Content,Time',
      'sent_at,text,user',
    ]
    for (const header of exports) {
      const names = header
        .replace('\uFEFF', '')
        .split(',')
        .map((name) => name.toLowerCase().replace(/[\s_]/g, ''))
      const cell = (line: (typeof expected)[number], name: string) =>
        ['timestamp', 'date', 'time', 'sentat'].includes(name)
          ? line.at
          : ['sender', 'from', 'author', 'user'].includes(name)
            ? line.sender
            : line.message
      const csv = [
        header,
        ...expected.map((line) =>
          names.map((name) => `"${cell(line, name).replaceAll('"', '""')}"`).join(','),
        ),
      ].join('\r\n')
      expect(
        parseTranscript(detectContentType(new TextEncoder().encode(csv), undefined), csv),
        header,
      ).toEqual({
        ok: true,
        lines: expected,
      })
    }
  })

  it('recognises a chat CSV whose messages hold commas and line breaks as CSV, not plain text', () => {
    const csv =
      'timestamp,sender,message\n2026-11-03 18:42:17,Dana,"one, two, three"\n2026-11-03 18:43:00,Luis,"a\nb, c"\n'
    expect(detectContentType(new TextEncoder().encode(csv), undefined)).toBe('text/csv')
    // One imported before this was typed as plain text: still read as a chat.
    expect(parseTranscript('text/plain', csv)).toMatchObject({
      ok: true,
      lines: [{ sender: 'Dana' }, { sender: 'Luis' }],
    })
  })

  it('reads JSON exports with their times: other key names, epoch times, sender objects, a wrapping object', () => {
    expect(
      parseChatJson(
        JSON.stringify({
          channel: 'order-7731',
          messages: [
            { ts: 1_793_731_337, user: { name: 'Dana (customer)' }, text: 'hi' },
            { sent_at: '2026-11-03T18:44:02-05:00', author: 'Luis (shopper)', body: 'on my way' },
            { createdAt: 1_793_731_500_000, from: 'Support', content: 'noted' },
          ],
        }),
      ),
    ).toEqual({
      ok: true,
      lines: [
        { at: new Date(1_793_731_337_000).toISOString(), sender: 'Dana (customer)', message: 'hi' },
        { at: '2026-11-03T18:44:02-05:00', sender: 'Luis (shopper)', message: 'on my way' },
        { at: new Date(1_793_731_500_000).toISOString(), sender: 'Support', message: 'noted' },
      ],
    })
  })
})
