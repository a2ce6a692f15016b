import { type Command, matchCommands } from '@app/commands/command-matching'
import { describe, expect, it } from 'vitest'

const command = (label: string): Command => ({ label, run: () => undefined })
const commands = [
  'Search cases',
  'Queue view: At risk',
  'Queue view: Breached',
  'Assign the open case to me',
].map(command)

describe('command palette matching', () => {
  it('keeps commands holding every typed word, in list order, ignoring case', () => {
    expect(matchCommands(commands, 'view risk').map((c) => c.label)).toEqual(['Queue view: At risk'])
    expect(matchCommands(commands, 'QUEUE').map((c) => c.label)).toEqual([
      'Queue view: At risk',
      'Queue view: Breached',
    ])
    expect(matchCommands(commands, '  ')).toHaveLength(4)
    expect(matchCommands(commands, 'shopper')).toEqual([])
  })
})
