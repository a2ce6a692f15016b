import { displayEntryName, isSafeEntryName } from '@shared/formats/bundle/entry-names'
import { describe, expect, it } from 'vitest'

describe('bundle entry names', () => {
  it('accept plain relative paths and refuse any that leave the bundle', () => {
    expect(['bundle.json', 'cases/CR-2026-000001.json', 'files/E-1-..photo.jpg'].every(isSafeEntryName)).toBe(
      true,
    )
    for (const name of ['', '/etc/passwd', '../x', 'cases/../../x', './x', 'a\\b', 'C:/x', 'c:x', 'a\0b']) {
      expect(isSafeEntryName(name), JSON.stringify(name)).toBe(false)
    }
  })

  it('are shown without control or direction-override characters, keeping the path as it reads', () => {
    expect(displayEntryName('../cases/\u202egpj.exe\n\u0007\u2066x\u200f')).toBe('../cases/_gpj.exe___x_')
    expect(displayEntryName('cases/CR-2026-000001.json')).toBe('cases/CR-2026-000001.json')
  })

  it('are cut short when long, whole characters kept', () => {
    const shown = displayEntryName(`evidence/${'😀'.repeat(200)}`)
    expect([...shown]).toHaveLength(120)
    expect(shown.endsWith('😀…')).toBe(true)
  })
})
