import { createWorkstationDatabase } from '@db/database'
import { createSyncCapture } from '@db/middleware/sync-capture'
import { createRepositories } from '@db/repositories'
import { joinTeamServer, leaveTeamServer, resumeTeamMembership } from '@services/team-sync/team-membership'
import type { Workstation } from '@services/workstation'
import { SETTINGS } from '@shared/rules/settings/registry'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBareCase } from '../../fixtures/test-workstation'
import { unreachableTeamServer } from '../workstation'

const session = {
  serverUrl: 'https://team.example',
  user: { id: 'user-riley', username: 'riley', displayName: 'Riley Chen', role: 'analyst' as const },
}

let capture: ReturnType<typeof createSyncCapture>
let station: Workstation & { clock: string }
beforeEach(() => {
  capture = createSyncCapture()
  const db = createWorkstationDatabase(`test-${crypto.randomUUID()}`, { capture })
  station = {
    db,
    repositories: createRepositories(db, () => '2026-11-24T10:00:00.000Z'),
    teamServer: unreachableTeamServer,
    clock: '2026-11-24T10:00:00.000Z',
  }
})
afterEach(() => station.db.delete())

const pendingChanges = () => station.db.syncOutbox.where('state').equals('pending').count()

describe('team server membership', () => {
  it('joins as the signed-in user and captures the changes made from then on', async () => {
    await openBareCase(station, 'Before joining')
    const clientId = await joinTeamServer(station, capture, session)

    expect(await station.repositories.syncOutbox.joined()).toEqual({ ...session, clientId })
    expect(capture.capturing).toBe(true)
    expect(await station.repositories.settings.read(SETTINGS.analyst)).toEqual({
      id: 'user-riley',
      name: 'Riley Chen',
    })
    // A case from before joining stays here; a new one is queued for the team server.
    expect(await pendingChanges()).toBe(0)
    await openBareCase(station, 'After joining')
    expect(await pendingChanges()).toBeGreaterThan(0)
    // The same account signing in again keeps its client id.
    expect(await joinTeamServer(station, capture, session)).toBe(clientId)
  })

  it('leaves without dropping what waits to be sent, and resumes where it left', async () => {
    const clientId = await joinTeamServer(station, capture, session)
    await openBareCase(station, 'Waiting to be sent')
    const waiting = await pendingChanges()

    await leaveTeamServer(station, capture)
    expect(capture.capturing).toBe(false)
    expect(await station.repositories.syncOutbox.joined()).toBeNull()
    expect(await resumeTeamMembership(station, capture)).toBeNull()
    await openBareCase(station, 'Made while signed out')
    expect(await pendingChanges()).toBe(waiting)

    await joinTeamServer(station, capture, session)
    capture.stop()
    expect(await resumeTeamMembership(station, capture)).toBe(clientId)
    expect(capture.capturing).toBe(true)
  })
})
