// The architecture measurements over the source tree: pure (files in, report out), shared by
// `npm run architecture` and the guard test in test/unit/architecture.
import { cyclicComponents, type Graph, shortestCycle } from './cycles'
import { areaOf, featureOf, layerViolation, PRODUCT_ROOTS, packageViolation } from './layers'
import { createResolver, type PathAliases } from './resolve-import'
import { type ImportForm, scanSource } from './scan-source'

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string
  text: string
}

export interface ImportEdge {
  from: string
  to: string
  specifier: string
  line: number
  form: ImportForm
  typeOnly: boolean
}

/** A place in a file with the import written there. */
export interface ImportSite {
  file: string
  line: number
  specifier: string
}

export interface ArchitectureReport {
  productFiles: number
  /** Imports between product files. */
  edges: ImportEdge[]
  /** Distinct `from-feature -> to-feature` pairs; `upward` when the pair lies on a cycle between features. */
  featurePairs: { from: string; to: string; upward: boolean }[]
  /** File-level import cycles in product code: the files of each, and one shortest loop through them. */
  cycles: { files: string[]; loop: ImportEdge[] }[]
  /** `../../../` and deeper, in product code and tests. */
  deepClimbs: ImportSite[]
  rawDialogs: { file: string; line: number }[]
  layerViolations: (ImportSite & { reason: string })[]
  /** Imports of a feature's inner files from outside it, instead of `@features/<name>`. */
  featureBypasses: ImportSite[]
  /** `repositories.` in features: the files and the distinct repositories/methods they reach. */
  featureRepositoryCalls: { files: string[]; methods: string[] }
  /** Relative or aliased imports that name no file. */
  unresolved: ImportSite[]
}

const isProduct = (path: string) => PRODUCT_ROOTS.some((root) => path.startsWith(`${root}/`))

export function analyseArchitecture(files: readonly SourceFile[], aliases: PathAliases): ArchitectureReport {
  const resolve = createResolver(new Set(files.map((file) => file.path)), aliases)
  const edges: ImportEdge[] = []
  const report: ArchitectureReport = {
    productFiles: 0,
    edges,
    featurePairs: [],
    cycles: [],
    deepClimbs: [],
    rawDialogs: [],
    layerViolations: [],
    featureBypasses: [],
    featureRepositoryCalls: { files: [], methods: [] },
    unresolved: [],
  }
  const repositoryMethods = new Set<string>()

  for (const file of files) {
    const product = isProduct(file.path)
    if (!product && areaOf(file.path) !== 'test') continue
    if (product) report.productFiles++
    const scan = scanSource(file.text, file.path.endsWith('.tsx'))
    const feature = featureOf(file.path)
    if (feature) {
      for (const line of scan.dialogLines) report.rawDialogs.push({ file: file.path, line })
      for (const call of scan.repositoryCalls) repositoryMethods.add(call.name)
      if (scan.repositoryCalls.length) report.featureRepositoryCalls.files.push(file.path)
    }
    for (const reference of scan.imports) {
      const site = { file: file.path, line: reference.line, specifier: reference.specifier }
      if (/^(?:\.\.\/){3}/.test(reference.specifier)) report.deepClimbs.push(site)
      const target = resolve(file.path, reference.specifier)
      if (target.kind === 'unresolved') report.unresolved.push(site)
      if (!product) continue
      if (target.kind === 'package') {
        const reason = packageViolation(file.path, target.name)
        if (reason) report.layerViolations.push({ ...site, reason })
      }
      if (target.kind !== 'file') continue
      const reason = layerViolation(file.path, target.path)
      if (reason) report.layerViolations.push({ ...site, reason })
      const targetFeature = featureOf(target.path)
      if (targetFeature && targetFeature !== feature && reference.specifier !== `@features/${targetFeature}`)
        report.featureBypasses.push(site)
      if (isProduct(target.path)) edges.push({ from: file.path, to: target.path, ...reference })
    }
  }

  report.featureRepositoryCalls.methods = [...repositoryMethods].sort()
  report.cycles = fileCycles(edges)
  report.featurePairs = featurePairs(edges)
  return report
}

function fileCycles(edges: readonly ImportEdge[]): ArchitectureReport['cycles'] {
  const graph = graphOf(edges.map((edge) => [edge.from, edge.to]))
  const edgeAt = new Map(edges.map((edge) => [`${edge.from}\n${edge.to}`, edge]))
  return cyclicComponents(graph).map((members) => {
    const loop = shortestCycle(graph, members[0]!, new Set(members))
    return {
      files: members,
      loop: loop.slice(1).map((to, step) => edgeAt.get(`${loop[step]}\n${to}`)!),
    }
  })
}

function featurePairs(edges: readonly ImportEdge[]): ArchitectureReport['featurePairs'] {
  const pairs = new Map<string, [string, string]>()
  for (const edge of edges) {
    const from = featureOf(edge.from)
    const to = featureOf(edge.to)
    if (from && to && from !== to) pairs.set(`${from} -> ${to}`, [from, to])
  }
  const graph = graphOf([...pairs.values()])
  const inCycle = new Map<string, number>()
  cyclicComponents(graph).forEach((members, component) => {
    for (const member of members) inCycle.set(member, component)
  })
  return [...pairs.values()]
    .map(([from, to]) => ({ from, to, upward: inCycle.has(from) && inCycle.get(from) === inCycle.get(to) }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}

function graphOf(pairs: Iterable<readonly [string, string]>): Graph {
  const graph = new Map<string, Set<string>>()
  for (const [from, to] of pairs) {
    if (!graph.has(to)) graph.set(to, new Set())
    const targets = graph.get(from) ?? new Set<string>()
    targets.add(to)
    graph.set(from, targets)
  }
  return graph
}
