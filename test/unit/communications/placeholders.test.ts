import type { Case, Party } from '@shared/domain'
import { describeCommunication, formatCallDuration } from '@shared/rules/communications/describe'
import {
  DEFAULT_EMAIL_TEMPLATES,
  EmailTemplateListSchema,
} from '@shared/rules/communications/email-templates'
import {
  EMAIL_PLACEHOLDERS,
  fillPlaceholders,
  mailtoLink,
  placeholderValues,
} from '@shared/rules/communications/placeholders'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'

const record = {
  caseNumber: 'CR-2026-000042',
  title: 'Mailbox knocked over',
  category: 'property_damage',
  status: 'investigating',
  occurredAt: '2026-11-24T15:15:00.000Z',
  order: {
    orderId: 'ORD-77120',
    retailer: 'FreshCo',
    storeName: 'FreshCo — Clintonville',
    deliveryAddress: '14 Elm Street',
    deliveryAt: '2026-11-24T15:10:00.000Z',
  },
} as Case
const customer = {
  role: 'customer',
  name: 'Dana Okafor',
  contact: { email: 'dana@example.com', phone: '', address: '' },
} as Party

describe('email placeholders', () => {
  it('fills case, order, party and analyst facts', () => {
    const values = placeholderValues(record, customer, analyst, 'America/New_York')
    const filled = fillPlaceholders(
      'Hi {{party.firstName}}, case {{ case.number }} about order {{order.id}} on {{case.occurredOn}}. — {{analyst.name}}',
      values,
    )
    expect(filled).toEqual({
      text: `Hi Dana, case CR-2026-000042 about order ORD-77120 on November 24, 2026. — ${analyst.name}`,
      unresolved: [],
    })
  })

  it('leaves unknown names and facts the case lacks as written, and reports each once', () => {
    const values = placeholderValues({ ...record, order: null }, null, analyst)
    const filled = fillPlaceholders(
      '{{party.firstName}} {{order.id}} {{party.firstName}} {{case.nmber}}',
      values,
    )
    expect(filled.text).toBe('{{party.firstName}} {{order.id}} {{party.firstName}} {{case.nmber}}')
    expect(filled.unresolved).toEqual(['party.firstName', 'order.id', 'case.nmber'])
  })

  it('ships templates that only use known placeholders', () => {
    expect(EmailTemplateListSchema.safeParse(DEFAULT_EMAIL_TEMPLATES).success).toBe(true)
    const known = Object.keys(EMAIL_PLACEHOLDERS)
    for (const template of DEFAULT_EMAIL_TEMPLATES) {
      const names = [...`${template.subject} ${template.body}`.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map(
        (m) => m[1],
      )
      for (const name of names) expect(known).toContain(name)
    }
  })

  it('rejects template lists whose ids repeat', () => {
    const twice = [DEFAULT_EMAIL_TEMPLATES[0]!, DEFAULT_EMAIL_TEMPLATES[0]!]
    expect(EmailTemplateListSchema.safeParse(twice).success).toBe(false)
  })

  it('encodes a mailto link the way mail clients read it', () => {
    expect(mailtoLink('dana@example.com', 'Case CR-1 & more', 'Line one\nLine two')).toBe(
      'mailto:dana@example.com?subject=Case%20CR-1%20%26%20more&body=Line%20one%0D%0ALine%20two',
    )
  })
})

describe('communication descriptions', () => {
  it('reads calls and emails the way the timeline shows them', () => {
    const call = {
      channel: 'phone',
      direction: 'inbound',
      durationSeconds: 3_900,
      outcome: 'voicemail',
      subject: '',
      body: 'x',
    } as const
    expect(describeCommunication(call, 'Sam Ruiz').title).toBe(
      'Call from Sam Ruiz — Left voicemail, 1 h 5 min',
    )
    const email = {
      channel: 'email',
      direction: 'outbound',
      durationSeconds: null,
      outcome: null,
      subject: 'Hello',
      body: 'b',
    } as const
    expect(describeCommunication(email, 'Dana Okafor')).toEqual({
      title: 'Email to Dana Okafor: Hello',
      detail: 'b',
    })
    expect(formatCallDuration(45)).toBe('45 s')
    expect(formatCallDuration(7_200)).toBe('2 h')
  })
})
