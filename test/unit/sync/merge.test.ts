import { isLive, mergeRecord, recordValues, type StoredRecord } from '@shared/protocol/sync/merge'
import { PushRequestSchema } from '@shared/protocol/sync/protocol'
import { describe, expect, it } from 'vitest'

const at = (millis: number, node = 'a') => `${String(millis).padStart(15, '0')}:0000:${node}`
const write = (value: unknown, millis: number, node = 'a') => ({
  value: value as never,
  hlc: at(millis, node),
})

describe('merging records field by field', () => {
  it('keeps the later write of each field whichever arrives first, so replicas agree', () => {
    const riley = {
      fields: { status: write('investigating', 2_000, 'riley'), title: write('Mailbox', 1_000, 'riley') },
      deleted: null,
    }
    const sam = { fields: { status: write('awaiting_party', 3_000, 'sam') }, deleted: null }
    const oneWay = mergeRecord(mergeRecord(undefined, riley).record, sam).record
    const otherWay = mergeRecord(mergeRecord(undefined, sam).record, riley).record
    expect(oneWay).toEqual(otherWay)
    expect(recordValues(oneWay)).toEqual({ status: 'awaiting_party', title: 'Mailbox' })
  })

  it('names the fields an offline edit lost to a later one', () => {
    const stored: StoredRecord = { fields: { status: write('resolved', 5_000, 'sam') }, deleted: null }
    const late = mergeRecord(stored, {
      fields: { status: write('investigating', 4_000, 'riley'), summary: write('x', 4_000, 'riley') },
      deleted: null,
    })
    expect(late.overtaken).toEqual(['status'])
    expect(recordValues(late.record)).toEqual({ status: 'resolved', summary: 'x' })
  })

  it('applies the same write twice as once', () => {
    const once = mergeRecord(undefined, { fields: { title: write('Mailbox', 1_000) }, deleted: null })
    const again = mergeRecord(once.record, { fields: { title: write('Mailbox', 1_000) }, deleted: null })
    expect(again.changed).toBe(false)
    expect(again.record).toEqual(once.record)
  })

  it('deletes a record until a later write brings it back', () => {
    const stored = mergeRecord(undefined, { fields: { body: write('note', 1_000) }, deleted: null }).record
    const gone = mergeRecord(stored, { fields: {}, deleted: at(2_000) }).record
    expect(isLive(gone)).toBe(false)
    expect(
      isLive(mergeRecord(gone, { fields: { body: write('note again', 3_000) }, deleted: null }).record),
    ).toBe(true)
  })
})

describe('the push contract', () => {
  const mutation = (mutationId: number) => ({
    mutationId,
    entity: 'case',
    entityId: 'case-1',
    caseId: 'case-1',
    fields: { title: write('Mailbox', 1_000) },
    deleted: null,
  })

  it('accepts a batch whose mutation ids count up', () => {
    expect(
      PushRequestSchema.safeParse({ clientId: 'laptop-1', mutations: [mutation(1), mutation(2)] }).success,
    ).toBe(true)
  })

  it('refuses what a broken client might send, each with a reason', () => {
    const bad = [
      { clientId: 'laptop-1', mutations: [mutation(2), mutation(1)] },
      { clientId: 'laptop-1', mutations: [] },
      { clientId: '../etc', mutations: [mutation(1)] },
      { clientId: 'laptop-1', mutations: [{ ...mutation(1), entity: 'settings' }] },
      { clientId: 'laptop-1', mutations: [{ ...mutation(1), fields: {}, deleted: null }] },
      {
        clientId: 'laptop-1',
        mutations: [{ ...mutation(1), fields: { title: { value: 'x', hlc: 'now' } } }],
      },
      { clientId: 'laptop-1', mutations: [{ ...mutation(1), fields: { 'bad field': write('x', 1) } }] },
    ]
    for (const request of bad) expect(PushRequestSchema.safeParse(request).success).toBe(false)
  })
})
