import { describe, expect, it } from 'vitest'
import { parseChatCsv, parseChatJson } from '../../../shared/evidence/chat-transcript'

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
