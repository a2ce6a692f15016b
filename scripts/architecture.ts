// `npm run architecture`: measures how well the code keeps its layers (docs/architecture.md) and
// prints the figures: feature-to-feature imports, import cycles, deep relative climbs, raw dialogs in
// features, layer violations and repository calls from features. test/unit/architecture holds the
// targets; this prints where the tree stands.
import { fileURLToPath } from 'node:url'
import { analyseArchitecture, type ImportEdge, type ImportSite } from './architecture/import-graph'
import { readSourceTree } from './architecture/source-tree'

const repository = fileURLToPath(new URL('..', import.meta.url))
const { files, aliases } = readSourceTree(repository)
const report = analyseArchitecture(files, aliases)

const at = (site: { file: string; line: number }) => `${site.file}:${site.line}`
const step = (edge: ImportEdge) =>
  `${at({ file: edge.from, line: edge.line })} '${edge.specifier}'${edge.typeOnly ? ' (type)' : ''}`

function section(title: string, lines: string[]) {
  console.info(`\n${title}`)
  for (const line of lines) console.info(`  ${line}`)
}

const sites = (list: ImportSite[]) => list.map((site) => `${at(site)} '${site.specifier}'`)
const upward = report.featurePairs.filter((pair) => pair.upward)

console.info(`Product files: ${report.productFiles}; imports between them: ${report.edges.length}`)
section(
  `Feature -> feature imports: ${report.featurePairs.length} pairs, ${upward.length} upward (on a cycle between features)`,
  report.featurePairs.map((pair) => `${pair.from} -> ${pair.to}${pair.upward ? '  (upward)' : ''}`),
)
section(
  `Import cycles in product code: ${report.cycles.length}`,
  report.cycles.flatMap((cycle, index) => [
    `${index + 1}. ${cycle.files.length} files: ${cycle.files.join(', ')}`,
    ...cycle.loop.map((edge) => `   ${step(edge)}`),
  ]),
)
section(
  `Imports climbing more than two folders (../../../): ${report.deepClimbs.length}`,
  sites(report.deepClimbs),
)
section(`Raw <Dialog in renderer/src/features: ${report.rawDialogs.length}`, report.rawDialogs.map(at))
section(
  `Layer violations: ${report.layerViolations.length}`,
  report.layerViolations.map((violation) => `${at(violation)} '${violation.specifier}': ${violation.reason}`),
)
section(
  `Features imported other than through @features/<name>: ${report.featureBypasses.length}`,
  sites(report.featureBypasses),
)
section(
  `Repository calls from features: ${report.featureRepositoryCalls.files.length} files, ${report.featureRepositoryCalls.methods.length} distinct methods`,
  report.featureRepositoryCalls.methods,
)
if (report.unresolved.length)
  section(`Imports that name no file: ${report.unresolved.length}`, sites(report.unresolved))
