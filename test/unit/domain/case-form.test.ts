import {
  blankIntakeForm,
  caseDetailsErrors,
  caseDetailsFormOf,
  caseDetailsPatch,
  intakeDraft,
  intakeErrors,
  phoneStoredAs,
} from '@features/intake/case-form'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../fixtures/case-files'

const now = Date.parse('2026-11-24T12:00:00Z')

describe('the case form', () => {
  it('names each problem at its field', () => {
    const form = {
      ...blankIntakeForm(),
      storeName: 'FreshCo Clintonville',
      occurredAt: '2099-01-01T10:00',
      deliveredAt: 'not a date',
      tags: 'ok, has space',
      customerEmail: 'dana@',
      customerPhone: 'abc',
      shopperAccountId: 'S-1',
      shopperPhone: '614-555',
      shopperEmail: 'sam at example.com',
    }
    expect(intakeErrors(form, now)).toEqual({
      title: 'Give the case a short title',
      occurredAt: 'This is in the future',
      deliveredAt: 'Not a date and time',
      orderId: 'Enter the order id, or clear the order fields',
      retailer: 'Which retailer was the order from?',
      customerEmail: 'Not an email address: it looks like name@example.com',
      customerPhone: 'A phone number is digits, like (614) 555-0147 or +1 614 555 0147',
      customerName: "Enter the customer's name",
      shopperPhone: 'Too few digits for a phone number (with its area code)',
      shopperEmail: 'Not an email address: it looks like name@example.com',
      shopperName: "Enter the shopper's name",
    })
  })

  it('refuses dates no incident or delivery can have: in the future, or before the plausible range', () => {
    const dated = (occurredAt: string, deliveredAt: string) =>
      caseDetailsErrors({ ...caseDetailsFormOf(caseFileFixture(1).case), occurredAt, deliveredAt }, now)
    expect(dated('2026-11-24T13:30', '1900-01-01T09:00')).toEqual({
      occurredAt: 'This is in the future',
      deliveredAt: 'More than 10 years ago (1900): check the year',
    })
    expect(dated('2016-11-20T12:00', '2026-11-24T11:59')).toEqual({
      occurredAt: 'More than 10 years ago (2016): check the year',
    })
    expect(dated('2017-01-02T12:00', '2026-11-24T11:59')).toEqual({})
  })

  it('keeps the customer’s and shopper’s phones as E.164 and their emails as typed', () => {
    const draft = intakeDraft({
      ...blankIntakeForm(),
      title: 'Harassing messages after delivery',
      customerName: 'Dana Okafor',
      customerPhone: '(614) 555-0147',
      customerEmail: ' dana@example.com ',
      shopperName: 'Sam Lee',
      shopperPhone: '+1 416 555 0199',
      shopperEmail: 'sam.lee@example.com',
    })
    expect(draft.parties).toEqual([
      expect.objectContaining({
        role: 'customer',
        contact: { phone: '+16145550147', email: 'dana@example.com', address: '' },
      }),
      expect.objectContaining({
        role: 'shopper',
        contact: { phone: '+14165550199', email: 'sam.lee@example.com', address: '' },
      }),
    ])
    expect(phoneStoredAs('614.555.0147')).toBe('Saved as +16145550147')
    expect(phoneStoredAs('abc')).toBeUndefined()
  })

  it('turns a checked intake form into a case draft with its parties', () => {
    const draft = intakeDraft({
      ...blankIntakeForm(),
      title: '  Mailbox knocked over ',
      orderId: 'ORD-1',
      retailer: 'FreshCo',
      tags: 'vehicle, vehicle, police',
      customerName: 'Dana Okafor',
      customerAccountId: 'C-1',
    })
    expect(draft).toMatchObject({
      title: 'Mailbox knocked over',
      order: { orderId: 'ORD-1', retailer: 'FreshCo', storeName: '', deliveryAt: null },
      tags: ['vehicle', 'police'],
      parties: [{ role: 'customer', name: 'Dana Okafor', accountId: 'C-1' }],
    })
  })

  it('edits a stored case: its details read back into the form unchanged', () => {
    const record = caseFileFixture(3).case
    const form = caseDetailsFormOf(record)
    expect(caseDetailsErrors(form, Date.parse('2030-01-01T00:00:00Z'))).toEqual({})
    const patch = caseDetailsPatch(form)
    expect(patch).toMatchObject({ title: record.title, category: record.category, tags: record.tags })
    expect(patch.order?.orderId).toBe(record.order?.orderId)
  })
})
