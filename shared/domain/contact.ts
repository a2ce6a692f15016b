import {
  type CountryCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min'
import { z } from 'zod'
import type { PartyContact } from './party'

/** The team works in the US and Canada: a number without a country code is read as North American. */
export const HOME_PHONE_COUNTRY: CountryCode = 'US'

/** A contact detail as entered: its stored form, or what is wrong with it in words the analyst can act on. */
export type ContactCheck = { value: string; problem: null } | { value: null; problem: string }

const fine = (value: string): ContactCheck => ({ value, problem: null })
const wrong = (problem: string): ContactCheck => ({ value: null, problem })

/** What a phone number is typed with; E.164 has no room for an extension, so none is taken. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/

/**
 * A phone number as entered, stored as E.164 (+16145550147): national North American forms
 * ((614) 555-0147, 614.555.0147, 1 614 555 0147), +1, or another country's number with its + code.
 * Empty is no number.
 */
export function checkPhone(text: string): ContactCheck {
  const entered = text.trim()
  if (entered === '') return fine('')
  if (!PHONE_CHARACTERS.test(entered))
    return wrong('A phone number is digits, like (614) 555-0147 or +1 614 555 0147')
  const length = validatePhoneNumberLength(entered, HOME_PHONE_COUNTRY)
  if (length === 'TOO_SHORT') return wrong('Too few digits for a phone number (with its area code)')
  if (length === 'TOO_LONG') return wrong('Too many digits for a phone number')
  const number = parsePhoneNumberFromString(entered, HOME_PHONE_COUNTRY)
  if (!number?.isValid()) return wrong('Not a phone number in use: check the area or country code')
  return fine(number.number)
}

const EmailSchema = z.email()

/** An email address as entered (trimmed); empty is no address. */
export function checkEmail(text: string): ContactCheck {
  const entered = text.trim()
  if (entered === '') return fine('')
  return EmailSchema.safeParse(entered).success
    ? fine(entered)
    : wrong('Not an email address: it looks like name@example.com')
}

/**
 * A party's contact details as they are stored: a phone or email entered or changed (since `before`)
 * must pass its check and is kept in its stored form. Details already stored are left as they were,
 * so a party recorded before these checks can still be edited. Throws with the first problem.
 */
export function checkedContact(contact: PartyContact, before?: PartyContact): PartyContact {
  const phone = contact.phone === before?.phone ? fine(contact.phone) : checkPhone(contact.phone)
  if (phone.problem !== null) throw new ContactRuleError(`Phone: ${phone.problem}`)
  const email = contact.email === before?.email ? fine(contact.email) : checkEmail(contact.email)
  if (email.problem !== null) throw new ContactRuleError(`Email: ${email.problem}`)
  return { ...contact, phone: phone.value, email: email.value }
}

export class ContactRuleError extends Error {
  override name = 'ContactRuleError'
}
