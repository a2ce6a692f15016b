import { type CaseDetails, editCaseDetails } from '@services/case-details/edit-case-details'
import type { Case } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { analyst } from '../../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../../fixtures/test-workstation'
import { asWorkstation } from '../workstation'

const ws = freshWorkstationPerTest()

const order = {
  orderId: 'ORD-1000000001',
  retailer: 'Northgate Fresh Market',
  storeName: 'Northgate Fresh Market #214',
  deliveryAddress: '14 Alder Lane',
  deliveryAt: '2026-11-24T08:40:25.000Z',
}

/** A case whose times carry seconds (as an import or another workstation may have stored them). */
async function caseWithTimes(): Promise<Case> {
  const record = await openBareCase(ws, 'Garage door')
  return ws.repositories.cases.update(record.id, { occurredAt: '2026-11-24T08:15:42.500Z', order }, analyst)
}

/** The details as the edit form hands them over: times to the minute. */
const detailsOf = (record: Case, change: Partial<CaseDetails> = {}): CaseDetails => ({
  title: record.title,
  summary: record.summary,
  category: record.category,
  severity: record.severity,
  source: record.source,
  occurredAt: '2026-11-24T08:15:00.000Z',
  location: record.location,
  order: { ...order, deliveryAt: '2026-11-24T08:40:00.000Z' },
  tags: record.tags,
  ...change,
})

describe('editing a case’s details', () => {
  it('saves the changed fields with their audit line', async () => {
    const record = await caseWithTimes()
    ws.clock = '2026-11-24T10:05:00.000Z'
    const saved = await editCaseDetails(
      asWorkstation(ws),
      record.id,
      detailsOf(record, { title: 'Garage door dented', tags: ['garage'] }),
      analyst,
    )
    expect(saved).toMatchObject({ title: 'Garage door dented', tags: ['garage'] })
    const [latest] = await ws.repositories.audit.listForCase(record.id)
    expect(latest?.changes.map((change) => change.field).sort()).toEqual(['tags', 'title'])
  })

  it('keeps the seconds of times left at their minute, and stores a changed time as given', async () => {
    const record = await caseWithTimes()
    const kept = await editCaseDetails(asWorkstation(ws), record.id, detailsOf(record), analyst)
    expect(kept.occurredAt).toBe('2026-11-24T08:15:42.500Z')
    expect(kept.order?.deliveryAt).toBe('2026-11-24T08:40:25.000Z')

    const moved = await editCaseDetails(
      asWorkstation(ws),
      record.id,
      detailsOf(record, {
        occurredAt: '2026-11-24T08:16:00.000Z',
        order: { ...order, deliveryAt: null },
      }),
      analyst,
    )
    expect(moved.occurredAt).toBe('2026-11-24T08:16:00.000Z')
    expect(moved.order?.deliveryAt).toBeNull()
  })

  it('refuses a case that is no longer on this workstation', async () => {
    const record = await caseWithTimes()
    await expect(editCaseDetails(asWorkstation(ws), 'case-gone', detailsOf(record), analyst)).rejects.toThrow(
      'no longer exists',
    )
  })
})
