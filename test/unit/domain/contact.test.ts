import { checkEmail, checkedContact, checkPhone } from '@shared/domain/contact'
import { describe, expect, it } from 'vitest'

describe('party contact details', () => {
  it.each([
    ['(614) 555-0147', '+16145550147'],
    ['614-555-0147', '+16145550147'],
    ['614.555.0147', '+16145550147'],
    ['1 614 555 0147', '+16145550147'],
    ['+1 (416) 555-0199', '+14165550199'],
    ['+44 20 7946 0958', '+442079460958'],
    ['', ''],
  ])('reads the phone %j as %j', (entered, stored) => {
    expect(checkPhone(entered)).toEqual({ value: stored, problem: null })
  })

  it.each([
    ['abc', 'A phone number is digits, like (614) 555-0147 or +1 614 555 0147'],
    ['(614) 555-0147 ext 12', 'A phone number is digits, like (614) 555-0147 or +1 614 555 0147'],
    ['555-0147', 'Too few digits for a phone number (with its area code)'],
    ['+1 614 555 0147 9999', 'Too many digits for a phone number'],
    ['(123) 555-0147', 'Not a phone number in use: check the area or country code'],
    ['+999 1234 5678', 'Not a phone number in use: check the area or country code'],
  ])('refuses the phone %j: %s', (entered, problem) => {
    expect(checkPhone(entered)).toEqual({ value: null, problem })
  })

  it('checks emails', () => {
    expect(checkEmail(' dana@example.com ')).toEqual({ value: 'dana@example.com', problem: null })
    expect(checkEmail('dana@')).toMatchObject({ value: null })
    expect(checkEmail('')).toEqual({ value: '', problem: null })
  })

  it('stores what was entered or changed in one form, and leaves what was already stored', () => {
    const stored = { phone: '(614) 555-0147 (evenings)', email: '', address: '' }
    expect(checkedContact({ ...stored, phone: '614 555 0199' }, stored).phone).toBe('+16145550199')
    expect(checkedContact({ ...stored, address: '14 Alder Lane' }, stored)).toEqual({
      ...stored,
      address: '14 Alder Lane',
    })
    expect(() => checkedContact({ ...stored, email: 'nope' }, stored)).toThrow(/^Email: Not an email address/)
    expect(() => checkedContact({ phone: 'abc', email: '', address: '' })).toThrow(/^Phone: /)
  })
})
