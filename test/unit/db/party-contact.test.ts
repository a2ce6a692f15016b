import type { Party } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const witness = (caseId: string, phone: string, email = ''): Party => ({
  id: crypto.randomUUID(),
  caseId,
  role: 'witness',
  name: 'Ana Ruiz',
  contact: { phone, email, address: '' },
  notes: '',
  createdAt: ws.clock,
  updatedAt: ws.clock,
})

describe('party phones and emails, whatever form sent them', () => {
  it('stores a phone as E.164 and refuses one that is not a number, saving nothing', async () => {
    const record = await openBareCase(ws, 'Gate damaged')
    const { parties } = ws.repositories
    const added = await parties.add(witness(record.id, '(614) 555-0147'), analyst)
    expect(added.contact.phone).toBe('+16145550147')
    expect((await parties.get(added.id))?.contact.phone).toBe('+16145550147')
    await expect(parties.add(witness(record.id, 'abc'), analyst)).rejects.toThrow(
      'Not saved: Phone: A phone number is digits',
    )
    await expect(parties.add(witness(record.id, '', 'ana@'), analyst)).rejects.toThrow(
      'Not saved: Email: Not an email address',
    )
    expect(await parties.listForCase(record.id)).toHaveLength(1)
  })

  it('lets a party stored before the check be edited without retyping its phone', async () => {
    const record = await openBareCase(ws, 'Gate damaged')
    const legacy = witness(record.id, 'evenings only')
    await ws.db.parties.put(legacy)
    const edited = await ws.repositories.parties.update(
      legacy.id,
      { notes: 'Saw the van', contact: legacy.contact },
      analyst,
    )
    expect(edited.contact.phone).toBe('evenings only')
    await expect(
      ws.repositories.parties.update(legacy.id, { contact: { ...legacy.contact, phone: 'later' } }, analyst),
    ).rejects.toThrow('Not saved: Phone:')
  })

  it('checks the customer and shopper named at intake the same way', async () => {
    const { cases, parties } = ws.repositories
    const intake = (phone: string) =>
      cases.create(
        {
          title: 'Threats after delivery',
          summary: '',
          category: 'harassment_threat',
          severity: 'S2',
          source: 'support',
          occurredAt: null,
          location: '',
          order: null,
          tags: [],
          parties: [{ role: 'shopper', name: 'Sam Lee', contact: { phone, email: '', address: '' } }],
        },
        analyst,
      )
    const opened = await intake('416 555 0199')
    expect((await parties.listForCase(opened.id))[0]?.contact.phone).toBe('+14165550199')
    await expect(intake('call me')).rejects.toThrow('The shopper was not valid: Phone:')
    expect(await cases.count()).toBe(1)
  })
})
