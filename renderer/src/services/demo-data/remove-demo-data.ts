import { removeDemoCases } from '@db/repositories/demo-data'
import type { Workstation } from '../workstation'

/** Takes every demo case, with its records and evidence, off the workstation; answers how many. */
export const removeDemoData = ({ db }: Workstation): Promise<number> => removeDemoCases(db)
