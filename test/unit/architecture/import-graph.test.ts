// The architecture's guard: the layers hold (docs/architecture.md). `npm run architecture` prints the
// same measurements with every place listed.
import { fileURLToPath } from 'node:url'
import { analyseArchitecture, type ImportEdge, type ImportSite } from '@scripts/architecture/import-graph'
import { readSourceTree } from '@scripts/architecture/source-tree'
import { describe, expect, it } from 'vitest'

const { files, aliases } = readSourceTree(fileURLToPath(new URL('../../..', import.meta.url)))
const report = analyseArchitecture(files, aliases)

const site = (place: ImportSite) => `${place.file}:${place.line} '${place.specifier}'`
const step = (edge: ImportEdge) => `${edge.from}:${edge.line} '${edge.specifier}'`

describe('the architecture', () => {
  it('reads the whole product', () => {
    expect(report.productFiles).toBeGreaterThan(300)
    // An import the measurements cannot follow could hide a cycle or a violation.
    expect(report.unresolved.map(site)).toEqual([])
  })

  it('has no import cycles in product code', () => {
    expect(report.cycles.map((cycle) => cycle.loop.map(step))).toEqual([])
  })

  it('imports only downward through the layers', () => {
    expect(report.layerViolations.map((violation) => `${site(violation)}: ${violation.reason}`)).toEqual([])
  })

  it('keeps features apart: at most 40 feature-to-feature pairs, none on a cycle', () => {
    expect(report.featurePairs.length).toBeLessThanOrEqual(40)
    expect(
      report.featurePairs.filter((pair) => pair.upward).map((pair) => `${pair.from} -> ${pair.to}`),
    ).toEqual([])
  })

  it('reaches a feature only through @features/<name>, its index', () => {
    expect(report.featureBypasses.map(site)).toEqual([])
  })

  it('climbs at most two folders with a relative import, in product code and tests', () => {
    expect(report.deepClimbs.map(site)).toEqual([])
  })

  it('builds feature dialogs from the ui kit, never a raw <Dialog', () => {
    expect(report.rawDialogs.map((place) => `${place.file}:${place.line}`)).toEqual([])
  })
})
