import { describe, expect, it } from 'vitest'
import {
  blankIntakeForm,
  caseDetailsErrors,
  caseDetailsFormOf,
  caseDetailsPatch,
  intakeDraft,
  intakeErrors,
} from '../../../renderer/src/features/intake/case-form'
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
      shopperAccountId: 'S-1',
    }
    expect(intakeErrors(form, now)).toEqual({
      title: 'Give the case a short title',
      occurredAt: 'This is in the future',
      deliveredAt: 'Not a date and time',
      orderId: 'Enter the order id, or clear the order fields',
      retailer: 'Which retailer was the order from?',
      customerEmail: 'This is not an email address',
      customerName: "Enter the customer's name",
      shopperName: "Enter the shopper's name",
    })
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
