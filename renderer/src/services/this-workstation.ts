import { db, repositories } from '@db/instance'
import { platform } from '@platform'
import type { Workstation } from './workstation'

/** This workstation: the app's database and repositories, and the team server through the host. */
export const thisWorkstation: Workstation = { db, repositories, teamServer: platform.teamServer }
