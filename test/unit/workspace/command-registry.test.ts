import type { Actor } from '@shared/domain'
import {
  type CommandContext,
  type CommandDeclaration,
  caseOpen,
  createCommandRegistry,
} from '@workspace/commands'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const analyst: Actor = { id: 'analyst-017', name: 'Riley Chen' }
const onCase: CommandContext = { analyst, caseId: 'case-1', evidenceId: null }
const noCase: CommandContext = { analyst, caseId: null, evidenceId: null }
const key = (key: string, ctrlKey = false) => ({ key, ctrlKey, metaKey: false, altKey: false })

describe('the command registry', () => {
  let registry: ReturnType<typeof createCommandRegistry>
  beforeEach(() => {
    registry = createCommandRegistry(1_000)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs a declaration’s own action with the context, and nothing it does not know', () => {
    const run = vi.fn()
    registry.declare([{ id: 'queue.view.at-risk', title: 'Queue view: At risk', group: 'Queue', run }])
    expect(registry.run('queue.view.at-risk', noCase)).toBe(true)
    expect(run).toHaveBeenCalledWith(noCase)
    expect(registry.run('queue.view.nowhere', noCase)).toBe(false)
  })

  it('lists commands by group, then as declared, and takes them away again', () => {
    const undeclare = registry.declare([
      { id: 'help', title: 'Keyboard shortcuts', group: 'Help', run: () => {} },
      { id: 'b', title: 'Add a note', group: 'Case', run: () => {} },
      { id: 'a', title: 'Search cases', group: 'Workstation', run: () => {} },
      { id: 'c', title: 'Add a task', group: 'Case', run: () => {} },
    ])
    expect(registry.declared().map((command) => command.id)).toEqual(['a', 'b', 'c', 'help'])
    expect(() => registry.declare([{ id: 'a', title: 'Again', group: 'Case' }])).toThrow(/twice/)
    undeclare()
    expect(registry.declared()).toEqual([])
  })

  it('is enabled when its condition holds and something can carry it out', () => {
    const assign: CommandDeclaration = {
      id: 'case.assign-to-me',
      title: 'Assign the open case to me',
      group: 'Case',
      when: caseOpen,
      run: () => {},
    }
    // Carried out only by a component on screen: enabled while one is.
    const newCase: CommandDeclaration = { id: 'intake.new-case', title: 'New case', group: 'Workstation' }
    registry.declare([assign, newCase])
    expect(registry.enabled(onCase).map((command) => command.id)).toEqual(['case.assign-to-me'])
    expect(registry.enabled(noCase)).toEqual([])
    expect(registry.enabled({ ...onCase, analyst: null })).toEqual([])
    expect(registry.run('case.assign-to-me', noCase)).toBe(false)

    const gone = registry.provide('intake.new-case', () => {})
    expect(registry.enabled(noCase).map((command) => command.id)).toEqual(['intake.new-case'])
    gone()
    expect(registry.run('intake.new-case', noCase)).toBe(false)
  })

  it('prefers the runtime a component on screen provides, the latest first', () => {
    const own = vi.fn()
    registry.declare([{ id: 'report.export-pdf', title: 'Export', group: 'Report', run: own }])
    const first = vi.fn()
    const second = vi.fn()
    registry.provide('report.export-pdf', first)
    const leave = registry.provide('report.export-pdf', second)
    registry.run('report.export-pdf', onCase)
    expect(second).toHaveBeenCalledOnce()
    leave()
    registry.run('report.export-pdf', onCase)
    expect(first).toHaveBeenCalledOnce()
    expect(own).not.toHaveBeenCalled()
  })

  it('reveals the place of a command whose runtime is not mounted, then runs it once it registers', () => {
    const shown: string[] = []
    registry.declare([
      {
        id: 'communications.log-call',
        title: 'Log a call',
        group: 'Case',
        when: caseOpen,
        reveal: () => shown.push('Communications'),
      },
    ])
    expect(registry.isEnabled(registry.declared()[0]!, onCase)).toBe(true)
    expect(registry.run('communications.log-call', onCase)).toBe(true)
    expect(shown).toEqual(['Communications'])

    const logCall = vi.fn()
    registry.provide('communications.log-call', logCall)
    expect(logCall).toHaveBeenCalledOnce()
    // Mounted now: run directly, no reveal.
    registry.run('communications.log-call', onCase)
    expect(logCall).toHaveBeenCalledTimes(2)
    expect(shown).toHaveLength(1)
  })

  it('runs a revealed command at once when revealing mounts its runtime', () => {
    const verify = vi.fn()
    registry.declare([
      {
        id: 'evidence.verify-integrity',
        title: 'Verify',
        group: 'Evidence',
        reveal: () => registry.provide('evidence.verify-integrity', verify),
      },
    ])
    registry.run('evidence.verify-integrity', onCase)
    expect(verify).toHaveBeenCalledOnce()
  })

  it('drops a revealed command whose runtime does not come in time, or when another runs', () => {
    vi.useFakeTimers()
    const reveal = () => {}
    registry.declare([
      { id: 'report.versions', title: 'Versions', group: 'Report', reveal },
      { id: 'case.add-note', title: 'Add a note', group: 'Case', reveal },
    ])
    registry.run('report.versions', onCase)
    vi.advanceTimersByTime(1_001)
    const versions = vi.fn()
    registry.provide('report.versions', versions)
    expect(versions).not.toHaveBeenCalled()

    registry.run('case.add-note', onCase)
    registry.run('report.versions', onCase)
    expect(versions).toHaveBeenCalledOnce()
    const addNote = vi.fn()
    registry.provide('case.add-note', addNote)
    expect(addNote).not.toHaveBeenCalled()
  })

  it('finds a command by its shortcut: single keys exactly, chords with Ctrl or Cmd', () => {
    registry.declare([
      { id: 'status', title: 'Change status', group: 'Case', shortcut: ['s'] },
      { id: 'help', title: 'Keyboard shortcuts', group: 'Help', shortcut: ['?'] },
      { id: 'palette', title: 'Command palette', group: 'Help', shortcut: ['Ctrl', 'K'] },
    ])
    expect(registry.forKeys(key('s'))?.id).toBe('status')
    expect(registry.forKeys(key('S'))).toBeUndefined()
    expect(registry.forKeys(key('s', true))).toBeUndefined()
    expect(registry.forKeys(key('?'))?.id).toBe('help')
    expect(registry.forKeys(key('k', true))?.id).toBe('palette')
    expect(registry.forKeys({ key: 'K', ctrlKey: false, metaKey: true, altKey: false })?.id).toBe('palette')
    expect(registry.forKeys(key('k'))).toBeUndefined()
    expect(registry.forKeys({ ...key('s'), altKey: true })).toBeUndefined()
  })

  it('tells subscribers when commands or runtimes come and go', () => {
    const heard = vi.fn()
    registry.subscribe(heard)
    const before = registry.version()
    const undeclare = registry.declare([{ id: 'x', title: 'X', group: 'Case' }])
    const leave = registry.provide('x', () => {})
    leave()
    undeclare()
    expect(heard).toHaveBeenCalledTimes(4)
    expect(registry.version()).toBe(before + 4)
  })
})
