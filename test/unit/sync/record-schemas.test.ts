import { fieldWritesProblem, recordFromValues } from '@shared/protocol/sync/record-schemas'
import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import { describe, expect, it } from 'vitest'

const hlc = '001800000000000:0000:test'
const team = (key: string) => ({ entityId: key, caseId: null })

describe('team settings as synced records', () => {
  it('reads a team setting whose key is the id it travels under', () => {
    expect(
      recordFromValues('teamSetting', team('approvalThreshold'), { key: 'approvalThreshold', value: 400 }),
    ).toEqual({
      record: { key: 'approvalThreshold', value: 400 },
    })
  })

  it('keeps out a setting that names another key than its id, or a value that is not that setting’s', () => {
    const disguised = recordFromValues('teamSetting', team('lastHandoff'), {
      key: 'policyLibrary',
      value: EXAMPLE_POLICIES,
    })
    expect(disguised).toEqual({ problem: expect.stringContaining('its own id') })
    expect(
      fieldWritesProblem('teamSetting', team('lastHandoff'), { key: { value: 'policyLibrary', hlc } }),
    ).toContain('its own id')
    expect(
      recordFromValues('teamSetting', team('approvalThreshold'), { key: 'approvalThreshold', value: -5 }),
    ).toEqual({
      problem: expect.stringContaining('teamSetting'),
    })
  })

  it('keeps a workstation’s own settings out of the team’s', () => {
    expect(
      recordFromValues('teamSetting', team('analyst'), { key: 'analyst', value: { id: 'a', name: 'A' } }),
    ).toEqual({
      problem: expect.stringContaining('teamSetting'),
    })
  })
})

describe('records from the server', () => {
  it('keeps out a record whose own case is not the one it travels with', () => {
    expect(
      recordFromValues('note', { entityId: 'n-1', caseId: 'c-1' }, { id: 'n-1', caseId: 'c-2', body: 'Hi' }),
    ).toEqual({ problem: expect.stringContaining('its own case') })
  })
})
