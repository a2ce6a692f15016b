// The measuring tools themselves, on small made-up sources: the guard is only as good as they are.
import { cyclicComponents, shortestCycle } from '@scripts/architecture/cycles'
import { analyseArchitecture } from '@scripts/architecture/import-graph'
import { layerViolation, packageViolation } from '@scripts/architecture/layers'
import { createResolver } from '@scripts/architecture/resolve-import'
import { scanSource } from '@scripts/architecture/scan-source'
import { describe, expect, it } from 'vitest'

const ALIASES = {
  '@shared/*': ['./shared/*'],
  '@features/*': ['./renderer/src/features/*'],
  '@platform/*': ['./renderer/src/platform/*'],
  '@platform': ['./renderer/src/platform'],
}

describe('scanning a source file', () => {
  it('finds static, type-only, re-exported, dynamic and worker imports with their lines', () => {
    const scan = scanSource(
      [
        "import a, { b, type C } from './a'",
        "import type { D } from './d'",
        "import * as e from './e'",
        "import './side-effect.css'",
        "export { f } from './f'",
        "export type * from './g'",
        "export * as h from './h'",
        "const i = await import('./i')",
        "const worker = new Worker(new URL('./j.worker.ts', import.meta.url), { type: 'module' })",
        "const folder = new URL('../migrations/', import.meta.url)",
        "import type from './k'",
      ].join('\n'),
      false,
    )
    expect(scan.imports).toEqual([
      { specifier: './a', form: 'static', typeOnly: false, line: 1 },
      { specifier: './d', form: 'static', typeOnly: true, line: 2 },
      { specifier: './e', form: 'static', typeOnly: false, line: 3 },
      { specifier: './side-effect.css', form: 'static', typeOnly: false, line: 4 },
      { specifier: './f', form: 'static', typeOnly: false, line: 5 },
      { specifier: './g', form: 'static', typeOnly: true, line: 6 },
      { specifier: './h', form: 'static', typeOnly: false, line: 7 },
      { specifier: './i', form: 'dynamic', typeOnly: false, line: 8 },
      { specifier: './j.worker.ts', form: 'url', typeOnly: false, line: 9 },
      { specifier: './k', form: 'static', typeOnly: false, line: 11 },
    ])
  })

  it('ignores imports written in strings, comments, templates and regular expressions', () => {
    const scan = scanSource(
      [
        "// import x from './comment'",
        'const s = "import y from \'./string\'"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template
        "const t = `${a} import('./template') ${`${b}`} it's`",
        "const r = /'/g.test(s) ? 1 : 2 / 3",
        'export { local }',
        "import z from './after'",
      ].join('\n'),
      false,
    )
    expect(scan.imports.map((reference) => reference.specifier)).toEqual(['./after'])
  })

  it('counts JSX <Dialog elements, not kit dialogs, type arguments or comparisons', () => {
    const scan = scanSource(
      [
        'const x = useState<Dialog | null>(null)',
        'const y = a < Dialog',
        'return (',
        '  <Dialog open>',
        '    <DialogTitle>Title</DialogTitle>',
        '    <FormDialog />',
        '  </Dialog>',
        ')',
      ].join('\n'),
      true,
    )
    expect(scan.dialogLines).toEqual([4])
  })

  it('names the repositories and methods reached through `repositories.`, across lines', () => {
    const scan = scanSource(
      'repositories.cases.update(id)\nrepositories.settings\n  .saveAnalyst(a)\nuse(repositories.evidence)',
      false,
    )
    expect(scan.repositoryCalls).toEqual([
      { name: 'cases.update', line: 1 },
      { name: 'settings.saveAnalyst', line: 2 },
      { name: 'evidence', line: 4 },
    ])
  })
})

describe('resolving an import', () => {
  const resolve = createResolver(
    new Set([
      'renderer/src/features/case/index.ts',
      'renderer/src/features/case/CasePane.tsx',
      'renderer/src/platform/index.ts',
      'renderer/src/platform/web-host.ts',
      'shared/domain/index.ts',
      'shared/rules/sla/clock.ts',
    ]),
    ALIASES,
  )

  it('follows relative paths and aliases to files and folder indexes', () => {
    expect(resolve('renderer/src/features/case/index.ts', './CasePane')).toEqual({
      kind: 'file',
      path: 'renderer/src/features/case/CasePane.tsx',
    })
    expect(resolve('shared/rules/sla/clock.ts', '../../domain')).toEqual({
      kind: 'file',
      path: 'shared/domain/index.ts',
    })
    expect(resolve('x.ts', '@features/case')).toEqual({
      kind: 'file',
      path: 'renderer/src/features/case/index.ts',
    })
    expect(resolve('x.ts', '@platform')).toEqual({ kind: 'file', path: 'renderer/src/platform/index.ts' })
    expect(resolve('x.ts', '@platform/web-host')).toEqual({
      kind: 'file',
      path: 'renderer/src/platform/web-host.ts',
    })
    expect(resolve('x.ts', '@shared/rules/sla/clock.ts?raw')).toEqual({
      kind: 'file',
      path: 'shared/rules/sla/clock.ts',
    })
  })

  it('tells packages, assets and missing files apart', () => {
    expect(resolve('x.ts', '@mui/material/Dialog')).toEqual({ kind: 'package', name: '@mui/material' })
    expect(resolve('x.ts', 'node:fs')).toEqual({ kind: 'package', name: 'node:fs' })
    expect(resolve('scripts/x.ts', '../package.json')).toEqual({ kind: 'asset' })
    expect(resolve('x.ts', '@shared/domain/gone')).toEqual({ kind: 'unresolved' })
  })
})

describe('finding cycles', () => {
  const graph = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c', 'd'])],
    ['c', new Set(['a'])],
    ['d', new Set(['e'])],
    ['e', new Set<string>()],
    ['f', new Set(['f'])],
  ])

  it('lists the strongly connected components that loop, and a shortest loop through each', () => {
    expect(cyclicComponents(graph)).toEqual([['a', 'b', 'c'], ['f']])
    expect(shortestCycle(graph, 'a', new Set(['a', 'b', 'c']))).toEqual(['a', 'b', 'c', 'a'])
    expect(shortestCycle(graph, 'f', new Set(['f']))).toEqual(['f', 'f'])
  })
})

describe('the layer table', () => {
  it('lets imports go down and refuses them going up or sideways between hosts', () => {
    expect(layerViolation('renderer/src/app/App.tsx', 'renderer/src/features/case/index.ts')).toBeUndefined()
    expect(layerViolation('renderer/src/features/case/CasePane.tsx', 'renderer/src/app/App.tsx')).toBe(
      'features may not import app',
    )
    expect(layerViolation('renderer/src/services/a.ts', 'renderer/src/ui/FormDialog.tsx')).toBe(
      'services may not import ui',
    )
    expect(layerViolation('renderer/src/db/a.ts', 'renderer/src/services/b.ts')).toBe(
      'db may not import services',
    )
    expect(layerViolation('renderer/web-host/a.ts', 'electron/b.ts')).toBe('web-host may not import electron')
    expect(
      layerViolation('renderer/web-host/a.ts', 'renderer/src/platform/web-host-paths.ts'),
    ).toBeUndefined()
    expect(layerViolation('shared/domain/case.ts', 'shared/rules/sla/clock.ts')).toBe(
      'shared-domain may not import shared-rules',
    )
    expect(layerViolation('shared/formats/report/a.ts', 'shared/rules/sla/clock.ts')).toBeUndefined()
    expect(layerViolation('server/app.ts', 'renderer/src/db/database.ts')).toBe('server may not import db')
    expect(layerViolation('scripts/bench.ts', 'renderer/web-host/chromium.ts')).toBeUndefined()
    // The benchmarks drive the app with the e2e page helpers; no other script may reach into test/.
    expect(layerViolation('scripts/bench.ts', 'test/e2e/workstation.ts')).toBeUndefined()
    expect(layerViolation('scripts/export-report.ts', 'test/e2e/workstation.ts')).toBe(
      'product code imports test/',
    )
  })

  it('keeps DOM, Node and React out of shared', () => {
    expect(packageViolation('shared/domain/case.ts', 'zod')).toBeUndefined()
    expect(packageViolation('shared/domain/case.ts', 'node:fs')).toBe('shared may not use node:fs')
    expect(packageViolation('shared/domain/case.ts', 'fs')).toBe('shared may not use fs')
    expect(packageViolation('shared/domain/case.ts', 'react')).toBe('shared may not use react')
    expect(packageViolation('electron/main.ts', 'node:fs')).toBeUndefined()
  })
})

describe('the measurements over a tree', () => {
  const file = (path: string, ...imports: string[]) => ({
    path,
    text: imports.map((specifier, index) => `import { x${index} } from '${specifier}'`).join('\n'),
  })

  it('counts feature pairs, marks those on a cycle between features, and finds bypasses and climbs', () => {
    const report = analyseArchitecture(
      [
        file('renderer/src/features/case/index.ts', './CasePane'),
        file('renderer/src/features/case/CasePane.tsx', '@features/report'),
        file('renderer/src/features/report/index.ts', './ReportSection'),
        file('renderer/src/features/report/ReportSection.tsx', '@features/case'),
        file('renderer/src/features/queue/index.ts', '../../../../shared/domain'),
        file('renderer/src/features/queue/QueueRow.tsx', '@features/case/CasePane'),
        file('shared/domain/index.ts'),
      ],
      ALIASES,
    )
    expect(report.featurePairs).toEqual([
      { from: 'case', to: 'report', upward: true },
      { from: 'queue', to: 'case', upward: false },
      { from: 'report', to: 'case', upward: true },
    ])
    expect(report.cycles.map((cycle) => cycle.files)).toEqual([
      [
        'renderer/src/features/case/CasePane.tsx',
        'renderer/src/features/case/index.ts',
        'renderer/src/features/report/ReportSection.tsx',
        'renderer/src/features/report/index.ts',
      ],
    ])
    expect(report.featureBypasses).toEqual([
      { file: 'renderer/src/features/queue/QueueRow.tsx', line: 1, specifier: '@features/case/CasePane' },
    ])
    expect(report.deepClimbs).toEqual([
      { file: 'renderer/src/features/queue/index.ts', line: 1, specifier: '../../../../shared/domain' },
    ])
  })
})
