import { repositories } from '@db/instance'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'

/** The SLA policy in force; undefined while it is being read. */
export const useSlaPolicy = () => useLiveQuery(() => repositories.settings.read(SETTINGS.slaPolicy), [])
