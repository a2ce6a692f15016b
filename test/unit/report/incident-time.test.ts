import { caseDetailsFormOf, caseDetailsPatch } from '@features/intake/case-form'
import { prefillIncidentZone } from '@features/orders/incident-zone-from-order'
import { CaseSchema } from '@shared/domain'
import {
  formatZonedTime,
  incidentTimeText,
  NORTH_AMERICAN_TIME_ZONES,
  timeZoneChoices,
} from '@shared/domain/incident-time'
import { caseTable } from '@shared/formats/report/report-document'
import { timeZoneAt } from '@shared/rules/orders/drop-off-zone'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { records, reportCase } from '../fixtures/report'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

// 5:42 PM in Chicago on Nov 3, 2026 (CST, UTC−6): 3:42 PM in Los Angeles (PST).
const OCCURRED = '2026-11-03T23:42:00.000Z'
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')

describe("the incident's time, in its own zone and the analyst's", () => {
  it('reads as the clocks there showed it, and as the analyst’s clock did', () => {
    expect(spaces(incidentTimeText(OCCURRED, 'America/Chicago', 'America/Los_Angeles'))).toBe(
      "Nov 3, 2026, 5:42 PM CST (America/Chicago) — Nov 3, 2026, 3:42 PM PST analyst's time",
    )
  })

  it('says once when the analyst is in the same zone', () => {
    expect(spaces(incidentTimeText(OCCURRED, 'America/Chicago', 'America/Chicago'))).toBe(
      "Nov 3, 2026, 5:42 PM CST (America/Chicago), also the analyst's zone",
    )
  })

  it('says the incident’s zone is not recorded rather than guessing one', () => {
    expect(spaces(incidentTimeText(OCCURRED, undefined, 'America/Los_Angeles'))).toBe(
      "Nov 3, 2026, 3:42 PM PST analyst's time; the incident's local zone is not recorded",
    )
    expect(incidentTimeText(null, 'America/Chicago', 'UTC')).toBe('Time not recorded')
  })

  it('crosses a date line and a half-hour zone correctly', () => {
    expect(spaces(formatZonedTime(OCCURRED, 'America/St_Johns'))).toBe('Nov 3, 2026, 8:12 PM GMT-3:30')
    expect(spaces(formatZonedTime(OCCURRED, 'Asia/Tokyo'))).toBe('Nov 4, 2026, 8:42 AM GMT+9')
  })
})

describe('the Incident table of the report', () => {
  it('leads with when and where the incident happened, before the system events', () => {
    const table = caseTable(
      'timeline',
      {
        ...records,
        case: { ...reportCase, occurredAt: OCCURRED, incidentTimeZone: 'America/Chicago' },
        timeline: [
          {
            id: 'event-1',
            caseId: reportCase.id,
            kind: 'status_change',
            occurredAt: '2026-11-24T10:00:00.000Z',
            title: 'Case opened',
            detail: '',
            ref: null,
            recordedBy: analyst,
            recordedAt: '2026-11-24T10:00:00.000Z',
          },
        ],
      },
      'America/Los_Angeles',
    )
    expect(table.rows).toHaveLength(2)
    expect(table.rows[0]!.map(spaces)).toEqual([
      "Nov 3, 2026, 5:42 PM CST (America/Chicago) — Nov 3, 2026, 3:42 PM PST analyst's time",
      'Incident',
      'At 14 Elm Street',
    ])
    expect(table.rows[1]![2]).toBe('Case opened')
  })

  it('names what is not recorded', () => {
    const table = caseTable('timeline', { ...records, case: { ...reportCase, location: ' ' } }, 'UTC')
    expect(table.rows[0]![0]).toMatch(/the incident's local zone is not recorded$/)
    expect(table.rows[0]![2]).toBe('Place not recorded')
  })
})

describe("the case's incident time zone", () => {
  it('is offered with the United States’ and Canada’s zones first, a recorded one always among them', () => {
    const known = Intl.supportedValuesOf('timeZone')
    const choices = timeZoneChoices(known)
    expect(choices.slice(0, NORTH_AMERICAN_TIME_ZONES.length)).toEqual([...NORTH_AMERICAN_TIME_ZONES])
    expect(new Set(choices).size).toBe(choices.length)
    expect(choices).toContain('Europe/London')
    expect(known).not.toContain('America/Indiana/Indianapolis')
    expect(timeZoneChoices(known, 'America/Indiana/Indianapolis')).toContain('America/Indiana/Indianapolis')
    expect(timeZoneChoices(known, 'America/Chicago')).toEqual(choices)
  })

  it('goes through the details form both ways; cleared, it is absent', () => {
    const form = caseDetailsFormOf({ ...reportCase, incidentTimeZone: 'America/Halifax' })
    expect(form.incidentTimeZone).toBe('America/Halifax')
    expect(caseDetailsPatch(form).incidentTimeZone).toBe('America/Halifax')
    expect(caseDetailsPatch({ ...form, incidentTimeZone: '' }).incidentTimeZone).toBeUndefined()
    expect(caseDetailsFormOf(reportCase).incidentTimeZone).toBe('')
  })
})

describe("an order's drop-off gives the incident's zone", () => {
  it('looks the zone up offline from the GPS position', () => {
    expect(timeZoneAt({ lat: 41.8781, lon: -87.6298 })).toBe('America/Chicago')
    expect(timeZoneAt({ lat: 43.6532, lon: -79.3832 })).toBe('America/Toronto')
    expect(timeZoneAt({ lat: 49.2827, lon: -123.1207 })).toBe('America/Vancouver')
    // Mid-Atlantic: no named zone, so none is set.
    expect(timeZoneAt({ lat: 0, lon: -30 })).toBeNull()
  })

  const workstation = freshWorkstationPerTest()
  const chicago = { dropOff: { address: '14 Elm Street', location: { lat: 41.8781, lon: -87.6298 } } }

  it('is optional on a case, so older and synced cases stay valid, and must be a real zone', async () => {
    const opened = await openBareCase(workstation, 'Mailbox knocked over')
    expect(opened.incidentTimeZone).toBeUndefined()
    expect(CaseSchema.safeParse(opened).success).toBe(true)
    expect(CaseSchema.safeParse({ ...opened, incidentTimeZone: 'America/Toronto' }).success).toBe(true)
    expect(CaseSchema.safeParse({ ...opened, incidentTimeZone: 'Mars/Olympus_Mons' }).success).toBe(false)
  })

  it('sets it on a case that has none, as an audited change, and never replaces one', async () => {
    const opened = await openBareCase(workstation, 'Mailbox knocked over')
    expect(await prefillIncidentZone(workstation.repositories.cases, opened.id, chicago, analyst)).toBe(
      'America/Chicago',
    )
    expect((await workstation.repositories.cases.get(opened.id))?.incidentTimeZone).toBe('America/Chicago')
    const audit = await workstation.repositories.audit.listForCase(opened.id)
    expect(audit.some((entry) => entry.changes.some((change) => change.field === 'incidentTimeZone'))).toBe(
      true,
    )
    const toronto = { dropOff: { address: 'Queen St', location: { lat: 43.6532, lon: -79.3832 } } }
    expect(await prefillIncidentZone(workstation.repositories.cases, opened.id, toronto, analyst)).toBeNull()
    expect((await workstation.repositories.cases.get(opened.id))?.incidentTimeZone).toBe('America/Chicago')
  })
})
