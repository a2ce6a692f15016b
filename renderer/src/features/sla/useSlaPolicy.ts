import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'

/** The SLA policy in force; undefined while it is being read. */
export const useSlaPolicy = () => useLiveQuery(() => repositories.settings.getSlaPolicy(), [])
